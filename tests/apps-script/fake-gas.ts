/**
 * Just enough of Google Apps Script to run packages/apps-script/Code.gs in
 * Node: an in-memory spreadsheet, the script lock, script properties,
 * ContentService, Session and Utilities.formatDate. Each behaves like the real
 * service where Code.gs depends on it: 1-based rows and columns, getValues
 * with the header row and '' for empty cells, Date objects for date cells,
 * ranges that refuse 0 rows, and a lock that belongs to one execution at a time.
 *
 * Executions are simulated: `gas.run(id, fn)` runs `fn` as execution `id`.
 * Every call into a fake service goes through `onCall`, where a test may start
 * another execution in the middle of this one, which is how concurrency is
 * interleaved in a single thread. Since one thread cannot wait, a waitLock while
 * another execution holds the lock throws at once, as the real one does after
 * its timeout.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

export type Cell = string | number | boolean | Date;

export interface LogEntry {
  /** The simulated execution that made the call. */
  exec: string;
  op: 'getScriptLock' | 'waitLock' | 'waitLock:timeout' | 'tryLock' | 'tryLock:failed' | 'releaseLock' | 'write' | 'flush' | 'exit-holding-lock';
  sheet?: string;
  /** Which execution held the script lock when a cell was written. */
  holder?: string | null;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export class FakeGas {
  timeZone = 'Europe/Paris';
  properties: Record<string, string> = {};
  readonly book: FakeSpreadsheet;
  readonly log: LogEntry[] = [];
  /** The execution holding the script lock; a test may set it to stand for a busy script. */
  lockHolder: string | null = null;
  /** Called on every call into a fake service, with the execution that made it. */
  onCall?: (op: string, exec: string) => void;
  readonly consoleLines: string[] = [];
  private readonly stack: string[] = [];
  private serial = 0;

  constructor() {
    this.book = new FakeSpreadsheet(this);
  }

  get execution(): string {
    return this.stack[this.stack.length - 1] ?? 'editor';
  }

  get depth(): number {
    return this.stack.length;
  }

  /** Runs fn as one execution; like Apps Script, a lock still held at the end is released, and logged. */
  run<T>(fn: () => T, exec = `exec-${++this.serial}`): T {
    this.stack.push(exec);
    try {
      return fn();
    } finally {
      this.stack.pop();
      if (this.lockHolder === exec) {
        this.log.push({ exec, op: 'exit-holding-lock' });
        this.lockHolder = null;
      }
    }
  }

  touch(op: string): void {
    this.onCall?.(op, this.execution);
  }

  /** The globals Code.gs sees. */
  globals(): Record<string, unknown> {
    const gas = this;
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => {
          gas.touch('getActiveSpreadsheet');
          return gas.book;
        },
        flush: () => {
          gas.log.push({ exec: gas.execution, op: 'flush' });
        },
      },
      LockService: {
        getScriptLock: () => {
          gas.touch('getScriptLock');
          gas.log.push({ exec: gas.execution, op: 'getScriptLock' });
          return new FakeLock(gas, gas.execution);
        },
      },
      PropertiesService: {
        getScriptProperties: () => ({
          getProperty: (key: string) => (Object.prototype.hasOwnProperty.call(gas.properties, key) ? gas.properties[key] : null),
          setProperty(key: string, value: string) {
            gas.properties[key] = String(value);
            return this;
          },
        }),
      },
      ContentService: {
        MimeType: { JSON: 'JSON', TEXT: 'TEXT', CSV: 'CSV', JAVASCRIPT: 'JAVASCRIPT' },
        createTextOutput: (text?: string) => new FakeTextOutput(text ?? ''),
      },
      Session: { getScriptTimeZone: () => gas.timeZone },
      Utilities: { formatDate },
      console: {
        log: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
        info: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
        warn: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
        error: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
      },
    };
  }
}

export class FakeLock {
  constructor(
    private readonly gas: FakeGas,
    private readonly exec: string,
  ) {}

  waitLock(timeoutInMillis: number): void {
    this.gas.touch('waitLock');
    if (typeof timeoutInMillis !== 'number') throw new TypeError('waitLock needs a timeout in milliseconds');
    if (this.gas.lockHolder !== null && this.gas.lockHolder !== this.exec) {
      this.gas.log.push({ exec: this.exec, op: 'waitLock:timeout' });
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
    this.gas.lockHolder = this.exec;
    this.gas.log.push({ exec: this.exec, op: 'waitLock' });
  }

  tryLock(timeoutInMillis: number): boolean {
    this.gas.touch('tryLock');
    if (typeof timeoutInMillis !== 'number') throw new TypeError('tryLock needs a timeout in milliseconds');
    if (this.gas.lockHolder !== null && this.gas.lockHolder !== this.exec) {
      this.gas.log.push({ exec: this.exec, op: 'tryLock:failed' });
      return false;
    }
    this.gas.lockHolder = this.exec;
    this.gas.log.push({ exec: this.exec, op: 'tryLock' });
    return true;
  }

  hasLock(): boolean {
    return this.gas.lockHolder === this.exec;
  }

  /** Like the real one, releasing a lock one does not hold does nothing. */
  releaseLock(): void {
    if (this.gas.lockHolder !== this.exec) return;
    this.gas.lockHolder = null;
    this.gas.log.push({ exec: this.exec, op: 'releaseLock' });
  }
}

export class FakeTextOutput {
  private mimeType = 'TEXT';
  constructor(private readonly content: string) {}
  getContent(): string {
    return this.content;
  }
  setMimeType(mimeType: string): this {
    this.mimeType = mimeType;
    return this;
  }
  getMimeType(): string {
    return this.mimeType;
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  constructor(private readonly gas: FakeGas) {}

  getSheetByName(name: string): FakeSheet | null {
    this.gas.touch('getSheetByName');
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }

  getSheets(): FakeSheet[] {
    this.gas.touch('getSheets');
    return [...this.sheets];
  }

  insertSheet(name: string): FakeSheet {
    this.gas.touch('insertSheet');
    if (this.sheets.some((s) => s.getName() === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this.gas, name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Test helper: a tab holding these rows, header first, as a webmaster would have typed them. */
  addSheet(name: string, rows: Cell[][]): FakeSheet {
    const sheet = new FakeSheet(this.gas, name);
    sheet.cells = rows.map((r) => [...r]);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Test helper: a tab by name, or a failed assertion. */
  tab(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.getName() === name);
    if (!sheet) throw new Error(`no tab named ${name}`);
    return sheet;
  }
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class FakeSheet {
  /** Rows of cells, 0-based; a missing or '' cell is empty. */
  cells: Cell[][] = [];
  /** Number formats set by 1-based "row,col". */
  readonly formats = new Map<string, string>();
  /** Cells that Sheets would have run as formulas, by "row,col". */
  readonly formulas = new Set<string>();
  frozenRows = 0;

  constructor(
    private readonly gas: FakeGas,
    private readonly name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getLastRow(): number {
    this.gas.touch('getLastRow');
    for (let r = this.cells.length - 1; r >= 0; r--) if ((this.cells[r] ?? []).some((c) => c !== '' && c !== undefined)) return r + 1;
    return 0;
  }

  getLastColumn(): number {
    this.gas.touch('getLastColumn');
    let last = 0;
    for (const row of this.cells) {
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== '' && row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Like the real one, an empty sheet's data range is A1. */
  getDataRange(): FakeRange {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    this.gas.touch('getRange');
    for (const [what, n] of [['row', row], ['column', column]] as const) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`Exception: Range not found (${what} ${n})`);
    }
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numColumns) || numColumns < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  appendRow(rowContents: unknown[]): this {
    this.gas.touch('appendRow');
    const row = this.getLastRow() + 1;
    rowContents.forEach((v, i) => this.write(row, i + 1, v));
    return this;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }

  /** Test helper: the values below the header row, as objects keyed by header. */
  records(): Record<string, Cell>[] {
    const [headers = [], ...rows] = this.cells;
    return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i] ?? ''])));
  }

  read(row: number, column: number): Cell {
    const value = this.cells[row - 1]?.[column - 1];
    if (value === undefined) return '';
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  /**
   * A value entered into a cell, as Sheets takes it: a string that looks like
   * a number becomes one unless the cell is plain text ("@"), and one that
   * starts with "=" becomes a formula.
   */
  write(row: number, column: number, value: unknown): void {
    let cell: Cell;
    if (value === null || value === undefined) cell = '';
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') cell = value;
    else if (isDate(value)) cell = new Date(value.getTime());
    else throw new Error(`Exception: cannot put a ${Object.prototype.toString.call(value)} in a cell`);
    const key = `${row},${column}`;
    const plainText = this.formats.get(key) === '@';
    if (typeof cell === 'string' && !plainText) {
      if (NUMERIC.test(cell.trim())) cell = Number(cell.trim());
      else if (cell.startsWith('=')) this.formulas.add(key);
    }
    while (this.cells.length < row) this.cells.push([]);
    const cells = this.cells[row - 1]!;
    while (cells.length < column) cells.push('');
    cells[column - 1] = cell;
    this.gas.log.push({ exec: this.gas.execution, op: 'write', sheet: this.name, holder: this.gas.lockHolder });
  }
}

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  getRow(): number {
    return this.row;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }

  getValues(): Cell[][] {
    const out: Cell[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < this.numColumns; c++) row.push(this.sheet.read(this.row + r, this.column + c));
      out.push(row);
    }
    return out;
  }

  getValue(): Cell {
    return this.sheet.read(this.row, this.column);
  }

  setValues(values: unknown[][]): this {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.numColumns) {
        throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numColumns}.`);
      }
    }
    values.forEach((row, r) => row.forEach((v, c) => this.sheet.write(this.row + r, this.column + c, v)));
    return this;
  }

  setValue(value: unknown): this {
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numColumns; c++) this.sheet.write(this.row + r, this.column + c, value);
    return this;
  }

  setNumberFormat(format: string): this {
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numColumns; c++) this.sheet.formats.set(`${this.row + r},${this.column + c}`, format);
    return this;
  }
}

/**
 * Utilities.formatDate with the SimpleDateFormat letters Code.gs uses:
 * yyyy MM dd HH mm ss, XXX (an offset like +01:00, or Z when it is zero)
 * and quoted literals such as 'T'.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date) || isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
  const seconds = Math.floor(date.getTime() / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(seconds))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const get = (k: string) => parts[k] ?? 0;
  const offset = Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - seconds) / 60000);
  const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60), 2)}:${pad(offset % 60, 2)}`;
  const fields: Record<string, (n: number) => string> = {
    y: (n) => (n === 2 ? pad(get('year') % 100, 2) : pad(get('year'), n)),
    M: (n) => pad(get('month'), n),
    d: (n) => pad(get('day'), n),
    H: (n) => pad(get('hour'), n),
    m: (n) => pad(get('minute'), n),
    s: (n) => pad(get('second'), n),
    X: (n) => {
      if (n !== 3) throw new Error(`formatDate: only XXX is supported, not ${'X'.repeat(n)}`);
      return zone;
    },
  };
  let out = '';
  for (const token of pattern.match(/'[^']*'|([A-Za-z])\1*|[^A-Za-z']+/g) ?? []) {
    if (token.startsWith("'")) out += token.length === 2 ? "'" : token.slice(1, -1);
    else if (/^[A-Za-z]/.test(token)) {
      const field = fields[token[0]!];
      if (!field) throw new Error(`formatDate: the pattern letter ${token[0]} is not supported by this fake`);
      out += field(token.length);
    } else out += token;
  }
  return out;
}

export interface Envelope {
  ok: boolean;
  status?: number | string;
  error?: string;
  items?: Record<string, unknown>[];
  id?: string;
  post?: Record<string, unknown>;
}

export interface AppsScript {
  gas: FakeGas;
  /** GET <exec>?params as one execution, the answer parsed. */
  get(params: Record<string, string>, exec?: string): Envelope;
  /** POST <exec> with this text/plain body (an object is sent as JSON) as one execution. */
  post(body: unknown, exec?: string): Envelope;
}

const CODE = readFileSync(new URL('../../packages/apps-script/Code.gs', import.meta.url), 'utf8');

/** Code.gs loaded into its own V8 context, with the fakes as its globals. */
export function loadCodeGs(gas = new FakeGas()): AppsScript {
  const context = vm.createContext(gas.globals());
  vm.runInContext(CODE, context, { filename: 'Code.gs' });
  const { doGet, doPost } = context as { doGet: (e: unknown) => FakeTextOutput; doPost: (e: unknown) => FakeTextOutput };
  const parse = (out: FakeTextOutput): Envelope => {
    if (!(out instanceof FakeTextOutput)) throw new Error('Code.gs did not answer with ContentService.createTextOutput');
    if (out.getMimeType() !== 'JSON') throw new Error(`Code.gs answered with MIME type ${out.getMimeType()}`);
    return JSON.parse(out.getContent()) as Envelope;
  };
  return {
    gas,
    get: (params, exec) =>
      gas.run(() => parse(doGet({ parameter: { ...params }, parameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, [v]])), queryString: new URLSearchParams(params).toString() })), exec),
    post: (body, exec) => {
      const contents = typeof body === 'string' ? body : JSON.stringify(body);
      return gas.run(() => parse(doPost({ parameter: {}, parameters: {}, postData: { contents, type: 'text/plain', length: contents.length, name: 'postData' } })), exec);
    },
  };
}
