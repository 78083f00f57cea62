/** The data folder of the end-to-end server on `port`. */
export function e2eDataDir(port: number | string): string;
