/**
 * DNS rebinding guard. The server binds to 127.0.0.1, but a web page on another site
 * can point its own name at 127.0.0.1 and then read every answer, since the browser
 * thinks it is talking to that site. Such a request carries the attacker's name in
 * `Host`, so only the names this server is really reached by are answered:
 * 127.0.0.1, localhost, [::1] and the --host value, each with the port listened on
 * (without one only on port 80, where browsers leave it out).
 */
export type HostCheck = (header: string | undefined) => boolean;

export function hostCheck(listenHost: string, port: number): HostCheck {
  const names = new Set(["127.0.0.1", "localhost", "[::1]", bracketed(listenHost.toLowerCase())]);
  const allowed = new Set([...names].map((n) => `${n}:${port}`));
  if (port === 80) for (const n of names) allowed.add(n);
  return (header) => header !== undefined && allowed.has(header.trim().toLowerCase().replace(/\.(?=:|$)/, ""));
}

/** An IPv6 address is written in brackets in a Host header. */
const bracketed = (host: string) => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
