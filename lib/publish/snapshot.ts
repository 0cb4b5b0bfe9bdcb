// What a publication freezes: the report as approved, with its metadata, approval chain and
// history. Stored as JSON in Publication.snapshot and never changed; read back through its schema.
import { z } from "zod";
import { readJsonColumn } from "@/lib/db/json-column";
import { ORGAN_KINDS, type OrganKind } from "@/lib/domain/organ-kinds";
import { storedSectionsSchema, type ReportSections } from "@/lib/report-format/content";
import type { TrendPoint } from "./charts";
import type { CorrectionChanges } from "./correction-changes";

export type PublishedSnapshot = {
  organ: { name: string; code: string; kind: OrganKind };
  year: number;
  title: string;
  indexNumber: string;
  version: number;
  publishedAt: string; // ISO
  /** 发文日期 (YYYY-MM-DD) and 文件编号 as the 发布人 set them (absent in snapshots from before they could: the day of publishedAt, none). */
  issuedOn?: string;
  documentNumber?: string | null;
  sections: ReportSections;
  approvals: Array<{ stage: string; name: string; at: string }>;
  correctionNote: string | null;
  /** For a correction: what changed against the version it replaced (absent in snapshots from before this was kept). */
  changes?: CorrectionChanges | null;
  /** Earlier versions, for the history shown on the page. */
  history: Array<{ version: number; publishedAt: string; correctionNote: string | null }>;
  /** This organ's published years, this one included, for the 历年情况 chart (absent in early snapshots). */
  trend?: TrendPoint[];
};

const organSchema = z.object({ name: z.string(), code: z.string(), kind: z.enum(ORGAN_KINDS) });

const snapshotSchema: z.ZodType<PublishedSnapshot> = z.object({
  organ: organSchema,
  year: z.number().int(),
  title: z.string(),
  indexNumber: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  issuedOn: z.string().optional(),
  documentNumber: z.string().nullish(),
  sections: storedSectionsSchema,
  approvals: z.array(z.object({ stage: z.string(), name: z.string(), at: z.string() })),
  correctionNote: z.string().nullable(),
  changes: z
    .object({
      sinceVersion: z.number().int(),
      items: z.array(
        z.discriminatedUnion("kind", [
          z.object({ section: z.string(), kind: z.literal("cell"), label: z.string(), before: z.string(), after: z.string() }),
          z.object({ section: z.string(), kind: z.literal("text"), lead: z.string(), removed: z.string(), added: z.string(), tail: z.string() }),
        ]),
      ),
    })
    .nullish(),
  history: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), correctionNote: z.string().nullable() })),
  trend: z.array(z.object({ year: z.number().int(), applications: z.number().nullable(), issued: z.number().nullable() })).optional(),
});

/** A whole snapshot (the report page's data, downloads, a correction's comparison). */
export const readPublishedSnapshot = (json: unknown): PublishedSnapshot => readJsonColumn(snapshotSchema, json, "Publication.snapshot");

const listedSchema = z.object({ organ: organSchema, title: z.string() });
/** Only what a listing shows, without reading the sections. */
export const readListedSnapshot = (json: unknown) => readJsonColumn(listedSchema, json, "Publication.snapshot");

/** Only the sections (the 历年情况 figures of other years, a correction's comparison). */
export const readSnapshotSections = (json: unknown): ReportSections => readJsonColumn(z.object({ sections: storedSectionsSchema }), json, "Publication.snapshot").sections;
