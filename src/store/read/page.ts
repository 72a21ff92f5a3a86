/** Which slice of a long answer to return (lists of documents, deadlines, agencies, runs). */
export type Page = { limit: number; offset: number };
