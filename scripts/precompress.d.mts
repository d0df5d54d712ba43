/** The file types worth compressing; fonts and images are compressed already. */
export const PRECOMPRESSED_TYPES: string[];
/** Writes `<file>.br` beside every compressible file under `dir` (when it is smaller). Returns how many were written. */
export function precompressStatic(dir: string): number;
