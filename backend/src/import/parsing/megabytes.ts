const MIB = 1024 * 1024;

/** Megabytes for a message: one decimal; below 1 MB two significant digits, so a small size or limit never reads "0 MB". */
export function megabytes(bytes: number): number {
  const mb = bytes / MIB;
  return mb >= 1 ? Math.round(mb * 10) / 10 : Number(mb.toPrecision(2));
}
