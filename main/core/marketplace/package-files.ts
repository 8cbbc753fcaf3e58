import { randomUUID, createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import { packageManifestSchema, type PackageManifest } from '../../../shared/models';
import { PackageRefused } from './errors';

export const MANIFEST_FILE = 'manifest.json';
export const PROJECT_FILE = 'project.json';
/** Documents another tool may have written, read by the import registry (main/core/transfer). */
const DOCUMENT_EXT = /\.(json|ya?ml)$/i;

export interface PackageContents {
  manifest: PackageManifest;
  /** The project document's text and file name (project.json, or e.g. openapi.yaml). */
  document: { text: string; fileName: string };
}

/** Reads and validates an unpacked package (docs/marketplace.md "Package format"). */
export async function readPackage(dir: string, expectedName: string): Promise<PackageContents> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new PackageRefused(`it has no ${MANIFEST_FILE} at its root`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new PackageRefused(`its ${MANIFEST_FILE} is not valid JSON (${(e as Error).message})`);
  }
  const parsed = packageManifestSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const field = i?.path.join('.') || 'manifest';
    throw new PackageRefused(`its ${MANIFEST_FILE} is invalid: ${field}: ${i?.message ?? 'invalid'}`);
  }
  const manifest = parsed.data;
  if (manifest.name !== expectedName) {
    throw new PackageRefused(
      `its ${MANIFEST_FILE} names "${manifest.name}", not "${expectedName}" (the package asked for)`,
    );
  }
  const files = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  const docName = files.includes(PROJECT_FILE)
    ? PROJECT_FILE
    : files.filter((f) => f !== MANIFEST_FILE && DOCUMENT_EXT.test(f)).sort()[0];
  if (!docName) {
    throw new PackageRefused(
      `it holds no project: expected ${PROJECT_FILE} (a MockDeck project file) or an OpenAPI/Mockoon document next to ${MANIFEST_FILE}`,
    );
  }
  const text = await readFile(path.join(dir, docName), 'utf8');
  return { manifest, document: { text, fileName: docName } };
}

export interface BuiltPackage {
  data: Buffer;
  sha256: string;
  size: number;
}

/** Packs manifest.json and project.json into a tar.gz (what publish sends). */
export async function buildPackage(manifest: PackageManifest, projectFileText: string): Promise<BuiltPackage> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `mockdeck-pack-${randomUUID().slice(0, 8)}-`));
  try {
    await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(dir, PROJECT_FILE), projectFileText);
    const chunks: Buffer[] = [];
    const stream = create({ gzip: true, cwd: dir, portable: true, noMtime: true }, [MANIFEST_FILE, PROJECT_FILE]);
    for await (const c of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    const data = Buffer.concat(chunks);
    return { data, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** True when `dir` exists and holds nothing (tests and callers checking cleanup). */
export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
    return (await readdir(dir)).length === 0;
  } catch {
    return false;
  }
}
