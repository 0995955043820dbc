// The result of every server action (types only: the browser imports them too).
export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; code: "invalid" | "not-found" | "forbidden" | "signed-out" | "origin" | "error" };
