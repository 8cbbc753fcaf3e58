import {
  bucketContentProblem,
  bucketCreateSchema,
  type BucketCreate,
  type DataBucket,
} from '../../../../shared/models';

/** What the bucket editor holds while typing. */
export interface BucketForm {
  name: string;
  description: string;
  content: string;
  templated: boolean;
}

export type BucketFormErrors = Partial<Record<keyof BucketForm, string>>;

export const emptyBucketForm = (): BucketForm => ({ name: '', description: '', content: '[]', templated: false });

export const bucketToForm = (b: DataBucket): BucketForm => ({
  name: b.name,
  description: b.description,
  content: b.content,
  templated: b.templated,
});

/** Field → message for everything the core would refuse, checked with the same schema. */
export function validateBucketForm(f: BucketForm): BucketFormErrors {
  const errors: BucketFormErrors = {};
  const r = bucketCreateSchema.safeParse(f);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path[0] as keyof BucketForm | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const content = bucketContentProblem(f.content, f.templated);
  if (content) errors.content = content;
  return errors;
}

export const bucketFormToPayload = (f: BucketForm): BucketCreate => ({
  name: f.name.trim(),
  description: f.description,
  content: f.content,
  templated: f.templated,
});

/** Pretty-printed JSON, or the text as it is when it is not JSON. */
export function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
