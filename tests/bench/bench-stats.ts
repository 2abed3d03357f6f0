// Small numbers of noisy samples, as a shared two-core machine gives them: median and spread.
import os from 'node:os';

export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds as a person reads them: "840 ms", "12.3 s". */
export function duration(ms: number): string {
  const size = Math.abs(ms);
  if (size < 1) return `${ms.toFixed(3)} ms`;
  if (size < 10) return `${ms.toFixed(2)} ms`;
  if (size < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** "min–max" of samples, in one unit: "0.317–0.958 ms", "123–160 ms", "1.46–1.60 s". */
export function spread(numbers: readonly number[]): string {
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  if (high >= 1000) return `${(low / 1000).toFixed(2)}–${(high / 1000).toFixed(2)} s`;
  const digits = high < 1 ? 3 : high < 10 ? 2 : 0;
  return `${low.toFixed(digits)}–${high.toFixed(digits)} ms`;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** The 1, 5 and 15-minute load averages and the cores: how far the numbers can be trusted. */
export function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`;
}

/** A table with a header line and right-aligned columns after the first. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): void {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(indent + widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/**
 * A module for `node --import` that makes a measured process write, as it ends, its peak resident
 * memory (VmHWM, in kB: `@peak-rss <kB>`) and the CPU time of all its threads (`@cpu-ms <ms>`) to
 * stderr. CPU time is the steadier measure when other work shares the cores. Not getrusage's maxRSS:
 * Linux carries that over from the forking parent into the child across exec, so a child of a big
 * bench would report the bench's.
 */
export const reportProcessUse = `data:text/javascript,${encodeURIComponent(
  "import fs from 'node:fs'; process.on('exit', () => { const cpu = process.cpuUsage(); process.stderr.write(`\\n@peak-rss ${/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]}\\n@cpu-ms ${(cpu.user + cpu.system) / 1000}\\n`); });",
)}`;

/** The peak memory, in MB, that a process started with `reportProcessUse` wrote to its stderr. */
export function peakRssMbOf(stderr: string): number {
  const match = /@peak-rss (\d+)/.exec(stderr);
  if (!match) throw new Error(`no peak memory reported:\n${stderr.slice(-2000)}`);
  return Number(match[1]) / 1024;
}

/** The CPU time, in ms, that a process started with `reportProcessUse` wrote to its stderr. */
export function cpuMsOf(stderr: string): number {
  const match = /@cpu-ms ([\d.]+)/.exec(stderr);
  if (!match) throw new Error(`no CPU time reported:\n${stderr.slice(-2000)}`);
  return Number(match[1]);
}
