import type { ImportedEvent, ImportFormat, InputProblem } from '../types.js';
import { DatasetFileError } from './files.js';
import type { Line } from './lines.js';
import { refusal } from './sniff.js';

/**
 * Reads one dataset file's lines in order: the header row first when the format has one, then the rows.
 * Counts rows, malformed rows (skipped, each a problem naming the file and line) and rows PLOVER does not code.
 * A file of another kind (its first non-blank line tells) throws a DatasetFileError saying so, before any row.
 */
export class DatasetReader {
  rows = 0;
  skipped = 0;
  /** Rows PLOVER does not code (CAMEO public statements, regional actors): counted, not errors. */
  passed = 0;
  private columns: string[] | null = null;
  private started = false;

  constructor(private readonly format: ImportFormat, private readonly file: string, private readonly onProblem: (p: InputProblem) => void) {}

  /** Whether nothing but blank lines was read: an empty file. */
  get empty(): boolean {
    return !this.started && this.rows === 0;
  }

  /** The event of one line, or undefined for a blank line, the header, a row PLOVER does not code, or a malformed row. */
  read(line: Line): ImportedEvent | undefined {
    if (line.text.trim() === '') return undefined;
    if (line.invalid) {
      // Control bytes in a first line that is not UTF-8: not text at all (another archive format, an image).
      if (!this.started && /[\u0000-\u0008\u000e-\u001f]/.test(line.text)) {
        throw new DatasetFileError('a binary file, not a dataset in text (compressed in a format other than gzip or zip?)');
      }
      this.rows++;
      this.skipped++;
      this.onProblem({ file: this.file, line: line.lineNo, message: 'invalid UTF-8: row skipped' });
      return undefined;
    }
    if (!this.started) {
      this.started = true;
      const why = refusal(this.format, line.text);
      if (why !== null) throw new DatasetFileError(why);
      if (this.format.header) {
        this.columns = line.text.split('\t').map((c) => c.trim());
        return undefined;
      }
    }
    const row = this.format.parseLine(line.text, line.lineNo, this.file, this.columns);
    if (row === null) {
      this.passed++;
      return undefined;
    }
    this.rows++;
    if (!row.ok) {
      this.skipped++;
      this.onProblem(row.problem);
      return undefined;
    }
    return row.event;
  }
}
