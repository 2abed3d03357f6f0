import { aggregationStepCount } from '@osl/pipelines';
import type { ImportProgress } from '../services/import.service.ts';

const phaseLabels: Record<ImportProgress['phase'], string> = {
  reading: 'odczyt',
  validating: 'sprawdzanie',
  writing: 'zapis',
  done: 'gotowe',
};

/** One line of the import progress bar: bar, percent, rows, rows/s and time left. */
export function formatImportProgress(progress: ImportProgress, rowsPerSecond: number | null, width = 24): string {
  const share = progress.rowsTotal > 0 ? Math.min(1, progress.rowsDone / progress.rowsTotal) : progress.phase === 'done' ? 1 : 0;
  const filled = Math.round(share * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const rows = progress.rowsTotal > 0 ? ` ${formatCount(progress.rowsDone)}/${formatCount(progress.rowsTotal)} wierszy` : '';
  const speed = rowsPerSecond && rowsPerSecond > 0 ? ` · ${formatCount(Math.round(rowsPerSecond))} wierszy/s` : '';
  const left =
    rowsPerSecond && rowsPerSecond > 0 && progress.rowsTotal > progress.rowsDone
      ? ` · jeszcze ${formatDuration((progress.rowsTotal - progress.rowsDone) / rowsPerSecond)}`
      : '';
  const file = progress.fileCount > 1 ? `[${progress.fileIndex + 1}/${progress.fileCount}] ` : '';
  return `${file}${progress.file} ${phaseLabels[progress.phase]} ${bar} ${Math.round(share * 100)}%${rows}${speed}${left}`;
}

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Draws the progress on a terminal (standard error), redrawing one line; silent elsewhere. */
export function createProgressRenderer(stream: NodeJS.WriteStream = process.stderr): ((progress: ImportProgress) => void) & { finish: () => void } {
  let phaseStart = { file: '', phase: '', at: 0, rows: 0 };
  let lastDraw = 0;
  let drawn = false;
  const render = (progress: ImportProgress) => {
    if (!stream.isTTY) return;
    const now = performance.now();
    if (progress.file !== phaseStart.file || progress.phase !== phaseStart.phase) {
      phaseStart = { file: progress.file, phase: progress.phase, at: now, rows: progress.rowsDone };
    }
    if (now - lastDraw < 100 && progress.phase !== 'done') return;
    lastDraw = now;
    const seconds = (now - phaseStart.at) / 1000;
    const rate = seconds > 0.2 ? (progress.rowsDone - phaseStart.rows) / seconds : null;
    const line = formatImportProgress(progress, rate).slice(0, (stream.columns ?? 120) - 1);
    stream.write(`\r\u001b[2K${line}`);
    drawn = true;
  };
  return Object.assign(render, {
    finish: () => {
      if (drawn) stream.write('\r\u001b[2K');
    },
  });
}

/** One line per pipeline step on standard error: "[3/9] facts …" while it runs, its figures when done. */
export function createPipelineProgressRenderer(stream: NodeJS.WriteStream = process.stderr) {
  return {
    onStepStart: (name: string, stepsDone: number) => {
      if (stream.isTTY) stream.write(`\r\u001b[2K[${stepsDone + 1}/${aggregationStepCount}] ${name} …`);
    },
    onStep: (step: { name: string; rowsWritten: number; ms: number }) => {
      stream.write(`${stream.isTTY ? '\r\u001b[2K' : ''}  ${step.name}: ${formatCount(step.rowsWritten)} wierszy (${step.ms} ms)\n`);
    },
  };
}
