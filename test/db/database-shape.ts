// Describes a database's shape as sorted lines of text, once from
// prisma/schema.prisma (through Prisma's own schema parser) and once from a live
// PostgreSQL, so that a test can compare the two and show any difference.
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Dmmf = {
  datamodel: {
    enums: Array<{ name: string; values: Array<{ name: string }> }>;
    models: Array<{ name: string; dbName: string | null; fields: DmmfField[] }>;
    indexes: Array<{ model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: Array<{ name: string }> }>;
  };
};

export type Shape = { tables: string[]; columns: string[]; enums: string[]; indexes: string[]; foreignKeys: string[] };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric",
  Bytes: "bytea",
};

function columnType(field: DmmfField): string {
  if (field.kind === "enum") return `enum ${field.type}`;
  if (field.type === "DateTime") {
    const [native, args] = field.nativeType ?? ["Timestamp", ["3"]];
    if (native === "Date") return "date";
    return `${native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone"}(${args[0] ?? "3"})`;
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`schema shape: unsupported type ${field.type}`);
  return type;
}

export function shapeFromSchema(schemaPath: string): Shape {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync(schemaPath, "utf8") }))) as Dmmf;
  const models = dmmf.datamodel.models;
  const tableOf = (model: string) => {
    const m = models.find((x) => x.name === model)!;
    return m.dbName ?? m.name;
  };
  const columnOf = (model: string, field: string) => {
    const f = models.find((x) => x.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const shape: Shape = { tables: [], columns: [], enums: [], indexes: [], foreignKeys: [] };
  for (const model of models) {
    const table = tableOf(model.name);
    shape.tables.push(table);
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
          shape.foreignKeys.push(
            `${table}(${field.relationFromFields.map((f) => columnOf(model.name, f)).join(",")}) -> ${tableOf(field.type)}(${field.relationToFields!.map((f) => columnOf(field.type, f)).join(",")}) on delete ${onDelete.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()}`,
          );
        }
        continue;
      }
      shape.columns.push(`${table}.${field.dbName ?? field.name} ${columnType(field)}${field.isList ? "[]" : ""} ${field.isRequired ? "NOT NULL" : "NULL"}`);
    }
  }
  for (const e of dmmf.datamodel.enums) shape.enums.push(`${e.name}: ${e.values.map((v) => v.name).join(",")}`);
  for (const index of dmmf.datamodel.indexes) {
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique" : "index";
    shape.indexes.push(`${tableOf(index.model)} ${kind} (${index.fields.map((f) => columnOf(index.model, f.name)).join(",")})`);
  }
  return sortShape(shape);
}

/** An array column's element type under the name information_schema gives plain columns ("_int8" → "bigint"). */
const arrayElementType = (udtName: string) => ({ int8: "bigint", int4: "integer" })[udtName.replace(/^_/, "")] ?? udtName.replace(/^_/, "");

export async function shapeFromDatabase(client: pg.Client): Promise<Shape> {
  const shape: Shape = { tables: [], columns: [], enums: [], indexes: [], foreignKeys: [] };
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  shape.tables = tables.rows.map((r) => r.table_name);
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; datetime_precision: number | null }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, datetime_precision FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  for (const c of columns.rows) {
    const isArray = c.data_type === "ARRAY";
    let type = c.data_type === "USER-DEFINED" ? `enum ${c.udt_name}` : isArray ? arrayElementType(c.udt_name) : c.data_type;
    if (type.startsWith("timestamp")) type = `${type}(${c.datetime_precision})`;
    shape.columns.push(`${c.table_name}.${c.column_name} ${type}${isArray ? "[]" : ""} ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"}`);
  }
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  shape.enums = enums.rows.map((r) => `${r.name}: ${r.labels.join(",")}`);
  const indexes = await client.query<{ table_name: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(
    `SELECT c.relname AS table_name, i.indisprimary AS is_primary, i.indisunique AS is_unique,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'
     GROUP BY i.indexrelid, c.relname, i.indisprimary, i.indisunique`,
  );
  shape.indexes = indexes.rows.map((r) => `${r.table_name} ${r.is_primary ? "primary key" : r.is_unique ? "unique" : "index"} (${r.columns.join(",")})`);
  const fks = await client.query<{ table_name: string; columns: string[]; ref_table: string; ref_columns: string[]; delete_rule: string }>(
    `SELECT cl.relname AS table_name, rc.relname AS ref_table,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns,
            CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                                 WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS delete_rule
     FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class rc ON rc.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE con.contype = 'f' AND n.nspname = 'public'`,
  );
  shape.foreignKeys = fks.rows.map((r) => `${r.table_name}(${r.columns.join(",")}) -> ${r.ref_table}(${r.ref_columns.join(",")}) on delete ${r.delete_rule}`);
  return sortShape(shape);
}

function sortShape(shape: Shape): Shape {
  return {
    tables: [...shape.tables].sort(),
    columns: [...shape.columns].sort(),
    enums: [...shape.enums].sort(),
    indexes: [...shape.indexes].sort(),
    foreignKeys: [...shape.foreignKeys].sort(),
  };
}
