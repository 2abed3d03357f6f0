import fs from 'node:fs';
import path from 'node:path';
import type { LoggerService } from '@nestjs/common';

/**
 * Logs to standard error (standard output belongs to `--json` results) and to
 * `$OSL_DATA_DIR/logs/osl.log`. Callers log codes, counts and file names, never personal data.
 */
export class OslLogger implements LoggerService {
  private readonly file: string | null;

  constructor(
    dataDir: string | null,
    private readonly quiet = false,
  ) {
    if (dataDir) {
      fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
      this.file = path.join(dataDir, 'logs', 'osl.log');
    } else {
      this.file = null;
    }
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(): void {}
  verbose(): void {}

  private write(level: string, message: unknown, context?: string, trace?: string): void {
    const text = message instanceof Error ? message.message : String(message);
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${context ? `[${context}] ` : ''}${text}`;
    if (!this.quiet || level === 'error') process.stderr.write(`${line}\n`);
    if (this.file) fs.appendFileSync(this.file, `${line}${trace ? `\n${trace}` : ''}\n`);
  }
}
