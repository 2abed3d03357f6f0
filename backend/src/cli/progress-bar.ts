import { aggregationStepCount } from '@osl/pipelines';
import type { ImportProgress } from '../services/import.service.ts';
import type { Lang } from '../lib/messages.ts';
import { stepNameIn, type StoredStep } from '../repositories/pipeline-run-words.ts';
import { cliWords } from './cli-words.ts';

/** One line of the import progress bar: bar, percent, rows, rows/s and time left. */
export function formatImportProgress(progress: ImportProgress, rowsPerSecond: number | null, lang: Lang = 'pl', width = 24): string {
  const words = cliWords[lang];
  const share = progress.rowsTotal > 0 ? Math.min(1, progress.rowsDone / progress.rowsTotal) : progress.phase === 'done' ? 1 : 0;
  const filled = Math.round(share * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const rows = progress.rowsTotal > 0 ? ` ${words.rowsOf(formatCount(progress.rowsDone), formatCount(progress.rowsTotal))}` : '';
  const speed = rowsPerSecond && rowsPerSecond > 0 ? ` · ${words.rowsPerSecond(formatCount(Math.round(rowsPerSecond)))}` : '';
  const left =
    rowsPerSecond && rowsPerSecond > 0 && progress.rowsTotal > progress.rowsDone
      ? ` · ${words.timeLeft(formatDuration((progress.rowsTotal - progress.rowsDone) / rowsPerSecond))}`
      : '';
  const file = progress.fileCount > 1 ? `[${progress.fileIndex + 1}/${progress.fileCount}] ` : '';
  return `${file}${progress.file} ${words.phases[progress.phase]} ${bar} ${Math.round(share * 100)}%${rows}${speed}${left}`;
}

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Draws the progress on a terminal (standard error), redrawing one line; silent elsewhere. */
export function createProgressRenderer(lang: Lang, stream: NodeJS.WriteStream = process.stderr): ((progress: ImportProgress) => void) & { finish: () => void } {
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
    const line = formatImportProgress(progress, rate, lang).slice(0, (stream.columns ?? 120) - 1);
    stream.write(`\r\u001b[2K${line}`);
    drawn = true;
  };
  return Object.assign(render, {
    finish: () => {
      if (drawn) stream.write('\r\u001b[2K');
    },
  });
}

/** One line per pipeline step on standard error: "[3/9] fakty …" while it runs, its figures when done (in `lang`). */
export function createPipelineProgressRenderer(lang: Lang, stream: NodeJS.WriteStream = process.stderr) {
  return {
    onStepStart: (name: string, stepsDone: number) => {
      if (stream.isTTY) stream.write(`\r\u001b[2K[${stepsDone + 1}/${aggregationStepCount}] ${stepNameIn({ name }, lang)} …`);
    },
    onStep: (step: StoredStep & { rowsWritten: number; ms: number }) => {
      stream.write(
        `${stream.isTTY ? '\r\u001b[2K' : ''}  ${stepNameIn(step, lang)}: ${formatCount(step.rowsWritten)} ${cliWords[lang].rows} (${step.ms} ms)\n`,
      );
    },
  };
}
