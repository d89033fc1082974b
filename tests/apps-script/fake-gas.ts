/**
 * Just enough of Google Apps Script to run packages/apps-script/Code.gs in
 * Node: in-memory spreadsheets (the bound one and those the script creates or
 * opens by id), the script lock, script properties, ContentService, Session,
 * Utilities (formatDate, digests, HMAC, web-safe base64, UUIDs), the
 * spreadsheet's Ui (menus, prompts, alerts, dialogs), HtmlService,
 * time-driven triggers and UrlFetchApp (answering from `gas.web`, e.g.
 * recorded files, like the real one: it throws on a 4xx/5xx unless
 * muteHttpExceptions). Each behaves like the real service where Code.gs
 * depends on it: 1-based rows and columns, getValues with the header row and
 * '' for empty cells, Date objects for date cells, ranges that refuse 0 rows,
 * digests as Java's signed bytes, web-safe base64 with its "=" padding, a new
 * spreadsheet with one sheet named "Sheet1", a spreadsheet that refuses to lose
 * its last sheet, getUi() that throws outside an open editor, and a lock that
 * belongs to one execution at a time.
 *
 * Executions are simulated: `gas.run(id, fn)` runs `fn` as execution `id`.
 * Every call into a fake service goes through `onCall`, where a test may start
 * another execution in the middle of this one, which is how concurrency is
 * interleaved in a single thread. Since one thread cannot wait, a waitLock while
 * another execution holds the lock throws at once, as the real one does after
 * its timeout.
 */
import { readFileSync } from 'node:fs';
import { createHash, createHmac, randomUUID } from 'node:crypto';
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

/** Bytes as Apps Script hands them over: Java's signed bytes, -128 to 127. */
const javaBytes = (buffer: Buffer): number[] => [...buffer].map((b) => (b > 127 ? b - 256 : b));
const fromJavaBytes = (bytes: number[]): Buffer => Buffer.from(bytes.map((b) => (b < 0 ? b + 256 : b)));
/** A String or a Byte[] argument, as the bytes Apps Script would use (Strings in UTF-8 unless told otherwise). */
function bytesOf(value: unknown, charset?: string): Buffer {
  if (Array.isArray(value)) return fromJavaBytes(value as number[]);
  if (typeof value !== 'string') throw new Error(`Exception: Invalid argument: ${String(value)}`);
  return Buffer.from(value, charset === 'US_ASCII' ? 'ascii' : 'utf8');
}

export class FakeGas {
  timeZone = 'Europe/Paris';
  /** The spreadsheet's locale (File → Settings), e.g. fr_FR. */
  locale = 'en_US';
  properties: Record<string, string> = {};
  /** The spreadsheet the script is bound to: in Archipel, the public one. */
  readonly book: FakeSpreadsheet;
  /** Every spreadsheet this account can open, the bound one first. */
  readonly spreadsheets: FakeSpreadsheet[] = [];
  readonly log: LogEntry[] = [];
  /** The execution holding the script lock; a test may set it to stand for a busy script. */
  lockHolder: string | null = null;
  /** Called on every call into a fake service, with the execution that made it. */
  onCall?: (op: string, exec: string) => void;
  readonly consoleLines: string[] = [];
  /** The spreadsheet open in a browser, when a test plays someone at the keyboard; null: no editor is open. */
  ui: FakeUi | null = null;
  readonly triggers: FakeTrigger[] = [];
  /** Every UUID handed out, so a test can tell that secrets come from them. */
  readonly uuids: string[] = [];
  /** What UrlFetchApp.fetch gets: a test answers each address; undefined stands for a host that does not answer. */
  web: (url: URL) => { status: number; body: string; headers?: Record<string, string> } | undefined = () => undefined;
  /** The owner's Drive: folders and files the script made, by id. */
  readonly drive = { folders: new Map<string, FakeDriveFolder>(), files: new Map<string, FakeDriveFile>() };
  /** Every address UrlFetchApp.fetch was asked for, in order. */
  readonly fetched: string[] = [];
  private readonly stack: string[] = [];
  private serial = 0;

  constructor() {
    this.book = new FakeSpreadsheet(this, 'public-sheet-0001', 'Vague Climat');
    this.book.sharedWithAnyone = true;
    this.spreadsheets.push(this.book);
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

  /** Test helper: the spreadsheets other than the bound one, i.e. those the script created. */
  created(): FakeSpreadsheet[] {
    return this.spreadsheets.filter((s) => s !== this.book);
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
        getActive: () => {
          gas.touch('getActive');
          return gas.book;
        },
        /** Like the real one, an id nobody has or that this account cannot open throws. */
        openById: (id: string) => {
          gas.touch('openById');
          const book = gas.spreadsheets.find((s) => s.getId() === id);
          if (!book) throw new Error('Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.');
          if (book.inaccessible) throw new Error('Exception: You do not have permission to access the requested document.');
          return book;
        },
        /** A new spreadsheet in the owner's Drive, shared with nobody, with one empty sheet. */
        create: (name: string) => {
          gas.touch('create');
          if (typeof name !== 'string' || !name) throw new Error('Exception: Invalid argument: name');
          const book = new FakeSpreadsheet(gas, `created-${gas.spreadsheets.length}-${randomUUID().slice(0, 8)}`, name);
          book.insertSheet('Sheet1');
          gas.spreadsheets.push(book);
          return book;
        },
        flush: () => {
          gas.log.push({ exec: gas.execution, op: 'flush' });
        },
        getUi: () => {
          if (!gas.ui) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
          return gas.ui;
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
          getProperties: () => ({ ...gas.properties }),
          setProperty(key: string, value: string) {
            gas.properties[key] = String(value);
            return this;
          },
          deleteProperty(key: string) {
            delete gas.properties[key];
            return this;
          },
        }),
      },
      ContentService: {
        MimeType: { JSON: 'JSON', TEXT: 'TEXT', CSV: 'CSV', JAVASCRIPT: 'JAVASCRIPT' },
        createTextOutput: (text?: string) => new FakeTextOutput(text ?? ''),
      },
      HtmlService: {
        createHtmlOutput: (html?: string) => new FakeHtmlOutput(html ?? ''),
      },
      ScriptApp: {
        newTrigger: (functionName: string) => new FakeTriggerBuilder(gas, functionName),
        getProjectTriggers: () => [...gas.triggers],
        deleteTrigger: (trigger: FakeTrigger) => {
          const i = gas.triggers.indexOf(trigger);
          if (i >= 0) gas.triggers.splice(i, 1);
        },
      },
      UrlFetchApp: {
        fetch: (url: string, params: { method?: string; headers?: Record<string, string>; muteHttpExceptions?: boolean } = {}) => {
          gas.touch('fetch');
          if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw new Error(`Exception: Invalid argument: ${String(url)}`);
          gas.fetched.push(url);
          const answer = gas.web(new URL(url));
          if (!answer) throw new Error(`Exception: DNS error: ${url}`);
          if (answer.status >= 400 && !params.muteHttpExceptions) {
            throw new Error(`Exception: Request failed for ${new URL(url).origin} returned code ${answer.status}. Truncated server response: ${answer.body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`);
          }
          const bytes = Buffer.from(answer.body, 'utf8');
          return {
            getResponseCode: () => answer.status,
            getContentText: (charset?: string) => bytes.toString(charset && !/^utf-?8$/i.test(charset) ? 'latin1' : 'utf8'),
            getHeaders: () => ({ 'Content-Type': 'application/json; charset=utf-8', ...answer.headers }),
          };
        },
      },
      DriveApp: {
        Access: { ANYONE: 'ANYONE', ANYONE_WITH_LINK: 'ANYONE_WITH_LINK', DOMAIN: 'DOMAIN', DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK', PRIVATE: 'PRIVATE' },
        Permission: { VIEW: 'VIEW', EDIT: 'EDIT', COMMENT: 'COMMENT', OWNER: 'OWNER', ORGANIZER: 'ORGANIZER', FILE_ORGANIZER: 'FILE_ORGANIZER', NONE: 'NONE' },
        createFolder: (name: string) => {
          gas.touch('createFolder');
          const folder = new FakeDriveFolder(gas, `folder-${randomUUID().replace(/-/g, '')}`, name);
          gas.drive.folders.set(folder.getId(), folder);
          return folder;
        },
        getFolderById: (id: string) => {
          const folder = gas.drive.folders.get(id);
          if (!folder || folder.trashed) throw new Error('Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.');
          return folder;
        },
        getFileById: (id: string) => {
          const file = gas.drive.files.get(id);
          if (!file) throw new Error('Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.');
          return file;
        },
      },
      Session: { getScriptTimeZone: () => gas.timeZone },
      Utilities: {
        formatDate,
        DigestAlgorithm: { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' },
        Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
        computeDigest: (algorithm: string, value: unknown, charset?: string) => {
          const name = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' }[algorithm];
          if (!name) throw new Error(`Exception: Invalid argument: algorithm`);
          return javaBytes(createHash(name).update(bytesOf(value, charset)).digest());
        },
        computeHmacSha256Signature: (value: unknown, key: unknown, charset?: string) =>
          javaBytes(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
        /** Web-safe base64 (- and _), keeping its "=" padding, as Google's does. */
        base64EncodeWebSafe: (data: unknown, charset?: string) => bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
        base64Encode: (data: unknown, charset?: string) => bytesOf(data, charset).toString('base64'),
        /** Like Google's, it throws on what is not base64, and takes the web-safe alphabet too. */
        base64Decode: (encoded: string) => {
          if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) throw new Error('Exception: Could not decode string.');
          return javaBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
        },
        newBlob: (data: unknown, contentType?: string, name?: string) => new FakeBlob(bytesOf(data), contentType ?? '', name ?? ''),
        getUuid: () => {
          const uuid = randomUUID();
          gas.uuids.push(uuid);
          return uuid;
        },
      },
      console: {
        log: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
        info: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
        warn: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
        error: (...a: unknown[]) => gas.consoleLines.push(a.join(' ')),
      },
    };
  }
}

/** What a person at the keyboard answers to a prompt: text and the button, or a button alone. */
export type UiAnswer = string | { text?: string; button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' };

/**
 * The Ui of the spreadsheet open in a browser. Prompts and alerts take their
 * answers from `answers`, in order, as a person would type and click; every
 * dialog is kept in `shown`. Overloads follow Google's: prompt(text),
 * prompt(text, buttons), prompt(title, text, buttons), and alike for alert.
 */
export class FakeUi {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
  readonly Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
  readonly answers: UiAnswer[] = [];
  readonly shown: { kind: 'prompt' | 'alert' | 'dialog'; title: string; text: string }[] = [];
  readonly menus: { caption: string; items: (readonly [caption: string, functionName: string] | null)[] }[] = [];

  private args(a: unknown, b: unknown, c: unknown): { title: string; text: string; buttons: string } {
    if (c !== undefined) return { title: String(a), text: String(b), buttons: String(c) };
    if (b !== undefined && typeof b === 'string' && b in this.ButtonSet) return { title: '', text: String(a), buttons: b };
    if (b !== undefined) return { title: String(a), text: String(b), buttons: 'OK' };
    return { title: '', text: String(a), buttons: 'OK' };
  }

  private next(buttons: string, fallback: string): { text: string; button: string } {
    const answer = this.answers.shift();
    if (answer === undefined) return { text: '', button: fallback };
    const given = typeof answer === 'string' ? { text: answer, button: buttons.startsWith('YES') ? 'YES' : 'OK' } : { text: answer.text ?? '', button: answer.button };
    const allowed: Record<string, string[]> = { OK: ['OK', 'CLOSE'], OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'], YES_NO: ['YES', 'NO', 'CLOSE'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'] };
    if (!allowed[buttons]!.includes(given.button)) throw new Error(`the test answered ${given.button} to a dialog with the buttons ${buttons}`);
    return given;
  }

  prompt(a: unknown, b?: unknown, c?: unknown): { getResponseText(): string; getSelectedButton(): string } {
    const { title, text, buttons } = this.args(a, b, c);
    this.shown.push({ kind: 'prompt', title, text });
    const { text: typed, button } = this.next(buttons, 'CLOSE');
    return { getResponseText: () => typed, getSelectedButton: () => button };
  }

  alert(a: unknown, b?: unknown, c?: unknown): string {
    const { title, text, buttons } = this.args(a, b, c);
    this.shown.push({ kind: 'alert', title, text });
    // A plain OK alert needs no answer from the test: the person reads it and clicks OK.
    if (buttons === 'OK') return 'OK';
    return this.next(buttons, 'CLOSE').button;
  }

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.shown.push({ kind: 'dialog', title, text: output.getContent() });
  }

  createMenu(caption: string) {
    const menu = { caption, items: [] as (readonly [string, string] | null)[] };
    const api = {
      addItem: (itemCaption: string, functionName: string) => {
        menu.items.push([itemCaption, functionName] as const);
        return api;
      },
      addSeparator: () => {
        menu.items.push(null);
        return api;
      },
      addToUi: () => {
        this.menus.push(menu);
      },
    };
    return api;
  }
}

export class FakeHtmlOutput {
  width = 0;
  height = 0;
  constructor(private readonly content: string) {}
  getContent(): string {
    return this.content;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
}

export class FakeTrigger {
  constructor(
    private readonly functionName: string,
    readonly everyDays: number,
    readonly atHour: number | undefined,
    private readonly id: string,
    readonly everyMinutes = 0,
  ) {}
  getHandlerFunction(): string {
    return this.functionName;
  }
  getUniqueId(): string {
    return this.id;
  }
  getEventType(): string {
    return 'CLOCK';
  }
}

/** ScriptApp.newTrigger(name).timeBased() then .everyDays(n).atHour(h) or .everyMinutes(n), then .create(): the chains Code.gs uses. */
class FakeTriggerBuilder {
  private days = 0;
  private minutes = 0;
  private hour: number | undefined;
  private clock = false;
  constructor(
    private readonly gas: FakeGas,
    private readonly functionName: string,
  ) {}
  timeBased(): this {
    this.clock = true;
    return this;
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('Exception: Invalid argument: days');
    this.days = n;
    return this;
  }
  /** Like the real one, only 1, 5, 10, 15 or 30. */
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Exception: Invalid argument: minutes. The value must be 1, 5, 10, 15 or 30.');
    this.minutes = n;
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Exception: Invalid argument: hour');
    this.hour = hour;
    return this;
  }
  create(): FakeTrigger {
    if (!this.clock || (!this.days && !this.minutes)) throw new Error('Exception: The trigger needs a time-based schedule.');
    const trigger = new FakeTrigger(this.functionName, this.days, this.hour, randomUUID(), this.minutes);
    this.gas.triggers.push(trigger);
    return trigger;
  }
}

export class FakeBlob {
  constructor(
    readonly data: Buffer,
    private readonly contentType: string,
    private name: string,
  ) {}
  getBytes(): number[] {
    return javaBytes(this.data);
  }
  getContentType(): string {
    return this.contentType;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
}

type Access = 'ANYONE' | 'ANYONE_WITH_LINK' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'PRIVATE';

/** Sharing as Drive checks it: PRIVATE goes only with NONE, the others not with NONE. */
function checkSharing(access: string, permission: string): void {
  if (!['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'].includes(access)) throw new Error('Exception: Invalid argument: accessType');
  if ((access === 'PRIVATE') !== (permission === 'NONE')) throw new Error('Exception: Invalid argument: permissionType');
}

/** A file in the owner's Drive: shared with nobody until setSharing says otherwise. */
export class FakeDriveFile {
  access: Access = 'PRIVATE';
  permission = 'NONE';
  constructor(
    readonly id: string,
    readonly blob: FakeBlob,
    readonly folder: FakeDriveFolder,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.blob.getName();
  }
  getBlob(): FakeBlob {
    return this.blob;
  }
  getSharingAccess(): Access {
    return this.access;
  }
  setSharing(access: string, permission: string): this {
    checkSharing(access, permission);
    this.access = access as Access;
    this.permission = permission;
    return this;
  }
}

export class FakeDriveFolder {
  access: Access = 'PRIVATE';
  trashed = false;
  constructor(
    private readonly gas: FakeGas,
    private readonly id: string,
    private readonly name: string,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  setSharing(access: string, permission: string): this {
    checkSharing(access, permission);
    this.access = access as Access;
    return this;
  }
  createFile(blob: FakeBlob): FakeDriveFile {
    this.gas.touch('createFile');
    if (!(blob instanceof FakeBlob)) throw new Error('Exception: Invalid argument: blob');
    const file = new FakeDriveFile(randomUUID().replace(/-/g, '').slice(0, 28), blob, this);
    this.gas.drive.files.set(file.getId(), file);
    return file;
  }
  getFiles(): FakeDriveFile[] {
    return [...this.gas.drive.files.values()].filter((f) => f.folder === this);
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
  /** "Anyone with the link" can read it: what every cell of a public sheet is, to the whole Internet. */
  sharedWithAnyone = false;
  /** Exists, but this account was not given access to it. */
  inaccessible = false;

  constructor(
    private readonly gas: FakeGas,
    private readonly id: string,
    private readonly name: string,
  ) {}

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    return this.gas.locale;
  }

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
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this.gas, name, this);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Like the real one, a spreadsheet keeps at least one sheet. */
  deleteSheet(sheet: FakeSheet): void {
    this.gas.touch('deleteSheet');
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Exception: Sheet not found.');
    if (this.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
  }

  /** Test helper: a tab holding these rows, header first, as a webmaster would have typed them. */
  addSheet(name: string, rows: Cell[][]): FakeSheet {
    const sheet = new FakeSheet(this.gas, name, this);
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

  /** Test helper: every cell of every tab, as text, for looking for what must not be there. */
  allText(): string {
    return this.sheets.map((s) => s.cells.map((r) => r.map((c) => (isDate(c) ? c.toISOString() : String(c))).join('\t')).join('\n')).join('\n');
  }
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class FakeSheet {
  /** Rows of cells, 0-based; a missing or '' cell is empty. */
  cells: Cell[][] = [];
  /** Number formats set by 1-based "row,col". */
  formats = new Map<string, string>();
  /** Cells that Sheets would have run as formulas, by "row,col". */
  formulas = new Set<string>();
  frozenRows = 0;

  constructor(
    private readonly gas: FakeGas,
    private name: string,
    private readonly parent: FakeSpreadsheet,
  ) {}

  getName(): string {
    return this.name;
  }

  setName(name: string): this {
    this.gas.touch('setName');
    if (this.parent.sheets.some((s) => s !== this && s.getName() === name)) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this;
  }

  getParent(): FakeSpreadsheet {
    return this.parent;
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

  /** Removes rows; those below move up, with their formats. */
  deleteRows(rowPosition: number, howMany: number): void {
    this.gas.touch('deleteRows');
    if (!Number.isInteger(rowPosition) || rowPosition < 1 || !Number.isInteger(howMany) || howMany < 1) throw new Error('Exception: Those rows are out of bounds.');
    this.cells.splice(rowPosition - 1, howMany);
    this.shift((r, c) => (r < rowPosition ? [r, c] : r < rowPosition + howMany ? null : [r - howMany, c]));
    this.gas.log.push({ exec: this.gas.execution, op: 'write', sheet: this.name, holder: this.gas.lockHolder });
  }

  deleteRow(rowPosition: number): void {
    this.deleteRows(rowPosition, 1);
  }

  /** Removes a column; those to its right move left, with their formats. */
  deleteColumn(columnPosition: number): void {
    this.gas.touch('deleteColumn');
    if (!Number.isInteger(columnPosition) || columnPosition < 1) throw new Error('Exception: Those columns are out of bounds.');
    for (const row of this.cells) row.splice(columnPosition - 1, 1);
    this.shift((r, c) => (c < columnPosition ? [r, c] : c === columnPosition ? null : [r, c - 1]));
    this.gas.log.push({ exec: this.gas.execution, op: 'write', sheet: this.name, holder: this.gas.lockHolder });
  }

  private shift(move: (row: number, column: number) => [number, number] | null): void {
    const key = (k: string) => k.split(',').map(Number) as [number, number];
    const formats = new Map<string, string>();
    for (const [k, v] of this.formats) {
      const to = move(...key(k));
      if (to) formats.set(to.join(','), v);
    }
    const formulas = new Set<string>();
    for (const k of this.formulas) {
      const to = move(...key(k));
      if (to) formulas.add(to.join(','));
    }
    this.formats = formats;
    this.formulas = formulas;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }

  /** Test helper: the values below the header row, as objects keyed by header. */
  records(): Record<string, Cell>[] {
    const [headers = [], ...rows] = this.cells;
    return rows.filter((row) => row.some((c) => c !== '' && c !== undefined)).map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i] ?? ''])));
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
    this.formulas.delete(key);
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
  secret?: string;
  person?: { signups: Record<string, unknown>[]; responses: Record<string, unknown>[]; posts: Record<string, unknown>[] };
  erased?: number;
  withdrawn?: number;
}

export interface AppsScript {
  gas: FakeGas;
  /** GET <exec>?params as one execution, the answer parsed. */
  get(params: Record<string, string>, exec?: string): Envelope;
  /** POST <exec> with this text/plain body (an object is sent as JSON) as one execution. */
  post(body: unknown, exec?: string): Envelope;
  /** Runs one of Code.gs's functions as someone would from the editor's Run button or the spreadsheet's menu. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** A top-level constant of Code.gs, e.g. PUBLIC_FIELDS. */
  value<T = unknown>(name: string): T;
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
    call: (name, ...args) => {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.gs has no function ${name}`);
      const result = gas.run(() => fn(...args));
      // What Code.gs returns was made in its own realm, where assert.deepStrictEqual sees other prototypes.
      return (result !== null && typeof result === 'object' ? structuredClone(result) : result) as never;
    },
    value: (name) => JSON.parse(JSON.stringify(vm.runInContext(name, context))) as never,
  };
}
