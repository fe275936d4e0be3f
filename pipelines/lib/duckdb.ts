/**
 * DuckDB access. Results are read as JSON-ish values (DECIMAL as exact strings, BIGINT as
 * strings) because the JS readers turn DECIMAL into floats (see shared/notes/platform.md).
 */
import {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBScalarFunction,
  DuckDBType,
  INTEGER,
  VARCHAR,
} from "@duckdb/node-api";
import { parseAngka, parseKuantitas, type AngkaOptions } from "./angka.js";
import { parseKodeRekening } from "./kode-rekening.js";

export type Row = Record<string, unknown>;

export class Db {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly con: DuckDBConnection,
  ) {}

  /** `readOnly` lets several processes open one file at once (tests share one build). */
  static async open(path: string, opts: { readOnly?: boolean } = {}): Promise<Db> {
    // DuckDB caches up to 80% of RAM by default; WAREHOUSE_MEMORY_LIMIT (e.g. "1GB") bounds it, and
    // DuckDB spills to disk beyond it: the bounded-memory knob of large builds (npm run bench).
    const limit = process.env.WAREHOUSE_MEMORY_LIMIT;
    const config: Record<string, string> = { ...(opts.readOnly ? { access_mode: "READ_ONLY" } : {}), ...(limit ? { memory_limit: limit } : {}) };
    const instance = await DuckDBInstance.create(path, Object.keys(config).length ? config : undefined);
    const con = await instance.connect();
    registerParsers(con);
    return new Db(instance, con);
  }

  async run(sql: string): Promise<void> {
    await this.con.run(sql);
  }

  /** Rows as objects; DECIMAL and BIGINT come back as exact strings. */
  async all<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.con.runAndReadAll(sql);
    return reader.getRowObjectsJson() as T[];
  }

  async value<T = unknown>(sql: string): Promise<T> {
    const rows = await this.all(sql);
    const first = rows[0];
    return (first ? Object.values(first)[0] : undefined) as T;
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
  }
}

export function sqlString(s: string | null | undefined): string {
  return s == null ? "NULL" : `'${s.replace(/'/g, "''")}'`;
}

export function sqlIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Separator of angka_info / kuantitas_info fields (ASCII unit separator: never in a cell). */
export const INFO_SEP = "\u001f";
/** Positions (1-based, for split_part) of the fields angka_info / kuantitas_info return. */
export const ANGKA_INFO_FIELDS = { jenis: 1, nilai: 2, desimal: 3, masalah: 4, satuan: 5 } as const;

/** SQL reading one field of an angka_info/kuantitas_info column; empty fields read as NULL. */
export function infoField(column: string, field: keyof typeof ANGKA_INFO_FIELDS): string {
  return `nullif(split_part(${column}, chr(31), ${ANGKA_INFO_FIELDS[field]}), '')`;
}

export type TextFn = (...args: (string | null)[]) => string | number | null;

/**
 * Registers a scalar function over VARCHAR arguments. NULL in the first argument gives NULL;
 * later arguments may be NULL (options). Exact values cross the boundary as text, never floats.
 */
export function registerTextFunction(con: DuckDBConnection, name: string, returnType: DuckDBType, arity: number, fn: TextFn): void {
  con.registerScalarFunction(
    DuckDBScalarFunction.create({
      name,
      returnType,
      parameterTypes: Array.from({ length: arity }, () => VARCHAR),
      mainFunction: (_info, input, output) => {
        const vectors = Array.from({ length: arity }, (_, k) => input.getColumnVector(k));
        for (let i = 0; i < input.rowCount; i++) {
          const args = vectors.map((v) => v.getItem(i) as string | null);
          output.setItem(i, args[0] === null ? null : (fn(...args) as never));
        }
        output.flush();
      },
    }),
  );
}

function register(con: DuckDBConnection, name: string, returnType: DuckDBType, arity: 1 | 2, fn: (a: string, b: string | null) => string | number | null): void {
  registerTextFunction(con, name, returnType, arity, (a, b) => fn(a!, b ?? null));
}

/** Option string for the angka functions: "." or "," (thousands), or "machine". */
function angkaOptions(opt: string | null): AngkaOptions {
  if (opt === "machine") return { style: "machine" };
  return { thousands: opt === "," ? "," : "." };
}

function registerParsers(con: DuckDBConnection): void {
  const angka = (t: string, o: string | null) => parseAngka(t, angkaOptions(o));
  register(con, "angka", VARCHAR, 2, (t, o) => {
    const a = angka(t, o);
    return a.kind === "number" ? a.value.toFixed() : null;
  });
  register(con, "angka_jenis", VARCHAR, 2, (t, o) => angka(t, o).kind);
  register(con, "angka_masalah", VARCHAR, 2, (t, o) => {
    const a = angka(t, o);
    return a.kind === "invalid" ? a.reason : null;
  });
  register(con, "angka_desimal", INTEGER, 2, (t, o) => {
    const a = angka(t, o);
    return a.kind === "number" ? a.decimals : null;
  });
  register(con, "angka_skala", VARCHAR, 2, (t, o) => {
    const a = angka(t, o);
    return a.kind === "number" ? a.scale : null;
  });
  register(con, "angka_persen", VARCHAR, 2, (t, o) => {
    const a = angka(t, o);
    return a.kind === "number" ? String(a.percent) : null;
  });
  const kuantitas = (t: string, o: string | null) => parseKuantitas(t, angkaOptions(o));
  register(con, "kuantitas", VARCHAR, 2, (t, o) => {
    const k = kuantitas(t, o);
    return k.angka.kind === "number" ? k.angka.value.toFixed() : null;
  });
  register(con, "kuantitas_jenis", VARCHAR, 2, (t, o) => kuantitas(t, o).angka.kind);
  register(con, "kuantitas_satuan", VARCHAR, 2, (t, o) => kuantitas(t, o).satuan);
  register(con, "kuantitas_masalah", VARCHAR, 2, (t, o) => {
    const k = kuantitas(t, o);
    return k.angka.kind === "invalid" ? k.angka.reason : null;
  });
  // One call per cell on the bulk path: every fact about a number in one text, split natively in SQL
  // (see ANGKA_INFO_FIELDS), instead of one JS call per fact.
  const info = (a: ReturnType<typeof angka>, satuan: string | null) =>
    [a.kind, a.kind === "number" ? a.value.toFixed() : "", a.kind === "number" ? String(a.decimals) : "", a.kind === "invalid" ? a.reason : "", satuan ?? ""].join(INFO_SEP);
  register(con, "angka_info", VARCHAR, 2, (t, o) => info(angka(t, o), null));
  register(con, "kuantitas_info", VARCHAR, 2, (t, o) => {
    const k = kuantitas(t, o);
    return info(k.angka, k.satuan);
  });
  const kode = (t: string) => parseKodeRekening(t);
  register(con, "kode_rekening", VARCHAR, 1, (t) => kode(t).kode);
  register(con, "kode_tingkat", VARCHAR, 1, (t) => kode(t).tingkat);
  register(con, "kode_masalah", VARCHAR, 1, (t) => kode(t).masalah);
}
