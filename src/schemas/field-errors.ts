/** A field that is wrong and why, as every face reports it (the API's problem details, the import's bad lines). */
import type { ZodError } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

/** A zod failure as field errors: the dotted path (or `(body)`) and the message. */
export function zodFieldErrors(error: ZodError, prefix: (string | number)[] = []): FieldError[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String).join('.') || '(body)',
    message: i.message,
  }));
}
