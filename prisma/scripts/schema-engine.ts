// Loads Prisma's Wasm schema engine (the native one cannot be downloaded on our machines) for schema diffs.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export type SchemaEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

export const filters = { externalTables: [], externalEnums: [] };

/** Loads the Wasm engine; the engine opens a connection even for a schema-to-schema diff. */
export async function loadSchemaEngine(options: { schemaPath: string; databaseUrl: string }): Promise<SchemaEngine> {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasm = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  const schema = await readFile(options.schemaPath, "utf8");
  const adapter = new PrismaPg({ connectionString: options.databaseUrl }, { schema: "public" });
  const log = (line: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error(line);
  };
  return glue.SchemaEngine.new({ datamodels: [[options.schemaPath, schema]] }, log, bindMigrationAwareSqlAdapterFactory(adapter));
}
