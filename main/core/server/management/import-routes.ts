import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { importDocumentSchema } from '../../../../shared/ipc/contract';
import { toWireProject } from '../../../../shared/wire/mockbird';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

/** A 64 MiB document, JSON-escaped, plus the envelope: only this route reads bodies that big. */
export const IMPORT_BODY_LIMIT = 72 * 1024 * 1024;

/**
 * projects.import's input under the wire's names: `content` is the document's text. The
 * call validates again; this names the fields as the request does.
 */
const bodySchema = importDocumentSchema
  .omit({ text: true, source: true })
  .extend({
    content: z
      .string({ message: 'content is required: the document to import, as a string' })
      .max(64 * 1024 * 1024, 'a document to import is at most 64 MiB'),
  })
  .strict();

/**
 * MockDeck's POST /projects/import (docs/import-export.md "Using it"): a document in any
 * format the registry reads becomes a new project; 201 with the project (as the other project
 * routes answer it) and the import report.
 */
export function importRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.post('/projects/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (req, reply) => {
    const { content, ...rest } = parseInput(bodySchema, bodyOf(req) ?? {});
    const result = await call(req, 'projects.import', { text: content, source: 'the request body', ...rest });
    return reply.code(201).send({
      project: toWireProject(result.project, { mockCount: result.mockCount }),
      report: result.report,
    });
  });
}
