/**
 * The text frame of the body: its left and right margins and line pitch,
 * measured over every page of the same width (justified lines reach the right
 * margin, so long lines tell where it is).
 */
import type { Line } from "./text-lines.js";

export type BodyFrame = {
  left: number;
  right: number;
  /** Usual distance between the baselines of one paragraph's lines. */
  pitch: number;
};

export function measureFrames(pages: { width: number; lines: Line[] }[]): Map<number, BodyFrame> {
  const byWidth = new Map<number, Line[]>();
  for (const p of pages) {
    const k = Math.round(p.width);
    byWidth.set(k, [...(byWidth.get(k) ?? []), ...p.lines]);
  }
  const frames = new Map<number, BodyFrame>();
  for (const [width, lines] of byWidth) {
    const long = lines.filter((l) => l.words.length >= 4);
    const sample = long.length >= 3 ? long : lines;
    const right = quantile(sample.map((l) => l.x1), 0.9) ?? width * 0.9;
    const left = quantile(lines.map((l) => l.x0), 0.1) ?? width * 0.1;
    const pitches: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const d = lines[i].base - lines[i - 1].base;
      if (d > 0.9 * lines[i].size && d < 1.6 * lines[i].size) pitches.push(d);
    }
    const size = quantile(lines.map((l) => l.size), 0.5) ?? 12;
    frames.set(width, { left, right, pitch: quantile(pitches, 0.5) ?? 1.15 * size });
  }
  return frames;
}

export const frameFor = (frames: Map<number, BodyFrame>, width: number): BodyFrame =>
  frames.get(Math.round(width)) ?? { left: 0.1 * width, right: 0.9 * width, pitch: 14 };

function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
