import "server-only";
import { randomUUID } from "node:crypto";
import { formatDomainError, isDomainError } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/client";
import { resolveCaller, type Caller, type SessionInfo } from "./access";
import { writeAudit, type AuditInput } from "./audit";
import { withTx, type Tx } from "./db";

// One path for every mutation (STYLE §2): session → same origin → zod → membership and role →
// transaction with audit → typed result. Each action is registered here, so that a test can probe them all.

import type { ActionResult, FieldErrors } from "./action-result";
export type { ActionResult, FieldErrors } from "./action-result";

/** An expected refusal, shown to the user in French (optionally tied to fields). */
export class ActionError extends Error {
  constructor(message: string, readonly fieldErrors?: FieldErrors) { super(message); }
}
/**
 * A domain refusal (DomainError) as the French message the person reads, dates written in French;
 * any other error is returned unchanged (to be rethrown).
 */
export function fromDomainError(err: unknown): unknown {
  if (isDomainError(err)) return new ActionError(formatDomainError(err).replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatDate(d)));
  return err;
}

/** The thing does not exist for this caller: answered exactly as if it did not exist at all. */
export class NotFoundError extends Error {
  constructor() { super("Introuvable."); }
}

export const MSG = {
  notFound: "Élément introuvable.",
  forbidden: "Votre rôle dans cette organisation ne permet pas cette action.",
  signedOut: "Votre session a expiré : reconnectez-vous.",
  origin: "Requête refusée : elle ne provient pas de l'application.",
  invalid: "Certains champs sont à corriger.",
  error: "Une erreur inattendue est survenue. Réessayez ; si elle persiste, communiquez la référence",
} as const;

/** What the wrapper needs from the request; built from next/headers in production, by hand in tests. */
export type RequestContext = { session: SessionInfo | null; origin: string | null; host: string | null };

export type ActionCtx = {
  caller: Caller;
  tx: Tx;
  audit: (e: Omit<AuditInput, "actorId" | "organisationId"> & { organisationId?: string | null }) => Promise<void>;
};

export type OrgActionDef<S extends z.ZodType, R> = {
  name: string;
  roles: readonly Role[];
  schema: S;
  handler: (input: z.output<S>, ctx: ActionCtx) => Promise<R>;
};

export type RegisteredAction = {
  name: string;
  roles: readonly Role[];
  execute: (rc: RequestContext, orgSlug: string, raw: unknown) => Promise<ActionResult<unknown>>;
};

const registry = new Map<string, RegisteredAction>();
export function actionRegistry(): ReadonlyMap<string, RegisteredAction> {
  return registry;
}

export function sameOrigin(rc: Pick<RequestContext, "origin" | "host">): boolean {
  if (!rc.origin || !rc.host) return false;
  try { return new URL(rc.origin).host === rc.host; } catch { return false; }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function unexpected(e: unknown): ActionResult<never> {
  const ref = randomUUID().slice(0, 8);
  console.error(`[action] réf. ${ref}`, e);
  return { ok: false, code: "error", message: `${MSG.error} ${ref}.` };
}

export function orgAction<S extends z.ZodType, R>(def: OrgActionDef<S, R>): RegisteredAction & { def: OrgActionDef<S, R> } {
  if (registry.has(def.name)) throw new Error(`Action déjà enregistrée : ${def.name}`);
  const execute = async (rc: RequestContext, orgSlug: string, raw: unknown): Promise<ActionResult<R>> => {
    try {
      if (!rc.session) return { ok: false, code: "signed-out", message: MSG.signedOut };
      if (!sameOrigin(rc)) return { ok: false, code: "origin", message: MSG.origin };
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return { ok: false, code: "invalid", message: MSG.invalid, fieldErrors: zodFieldErrors(parsed.error) };
      const caller = typeof orgSlug === "string" ? await resolveCaller(rc.session, orgSlug) : null;
      if (!caller) return { ok: false, code: "not-found", message: MSG.notFound };
      if (!def.roles.includes(caller.role)) return { ok: false, code: "forbidden", message: MSG.forbidden };
      let audited = 0;
      const data = await withTx({ personId: caller.personId, organisationId: caller.org.id }, async (tx) => {
        const ctx: ActionCtx = {
          caller, tx,
          audit: async (e) => { audited++; await writeAudit(tx, { organisationId: caller.org.id, ...e, actorId: caller.personId }); },
        };
        const r = await def.handler(parsed.data, ctx);
        if (audited === 0) throw new Error(`L'action ${def.name} n'a écrit aucun événement d'audit.`);
        return r;
      });
      return { ok: true, data };
    } catch (e) {
      if (e instanceof ActionError) return { ok: false, code: "invalid", message: e.message, fieldErrors: e.fieldErrors };
      if (e instanceof NotFoundError) return { ok: false, code: "not-found", message: MSG.notFound };
      return unexpected(e);
    }
  };
  const reg = { name: def.name, roles: def.roles, execute: execute as RegisteredAction["execute"], def };
  registry.set(def.name, reg);
  return reg;
}

/** Builds the request context of a server action from Next's request. */
export async function requestContext(): Promise<RequestContext> {
  const { headers } = await import("next/headers");
  const { currentSession } = await import("./access");
  const h = await headers();
  return { session: await currentSession(), origin: h.get("origin"), host: h.get("x-forwarded-host") ?? h.get("host") };
}

/** Runs a registered action for the current request (called from the "use server" files of app/). */
export async function runAction<R>(action: RegisteredAction & { def: OrgActionDef<z.ZodType, R> }, orgSlug: string, raw: unknown): Promise<ActionResult<R>> {
  return action.execute(await requestContext(), orgSlug, raw) as Promise<ActionResult<R>>;
}

// Actions open without a session (one-time links): same origin → zod → transaction with audit.
export type PublicActionDef<S extends z.ZodType, R> = {
  name: string;
  schema: S;
  handler: (input: z.output<S>, ctx: { tx: Tx; session: SessionInfo | null; audit: (e: AuditInput) => Promise<void> }) => Promise<R>;
};
export type RegisteredPublicAction<R> = { name: string; execute: (rc: RequestContext, raw: unknown) => Promise<ActionResult<R>> };
const publicRegistry = new Map<string, RegisteredPublicAction<unknown>>();
export function publicActionRegistry(): ReadonlyMap<string, RegisteredPublicAction<unknown>> {
  return publicRegistry;
}

export function publicAction<S extends z.ZodType, R>(def: PublicActionDef<S, R>): RegisteredPublicAction<R> {
  const execute = async (rc: RequestContext, raw: unknown): Promise<ActionResult<R>> => {
    try {
      if (!sameOrigin(rc)) return { ok: false, code: "origin", message: MSG.origin };
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return { ok: false, code: "invalid", message: MSG.invalid, fieldErrors: zodFieldErrors(parsed.error) };
      const data = await withTx({ personId: rc.session?.personId ?? null, organisationId: null }, (tx) =>
        def.handler(parsed.data, { tx, session: rc.session, audit: (e) => writeAudit(tx, e) }),
      );
      return { ok: true, data };
    } catch (e) {
      if (e instanceof ActionError) return { ok: false, code: "invalid", message: e.message, fieldErrors: e.fieldErrors };
      if (e instanceof NotFoundError) return { ok: false, code: "not-found", message: MSG.notFound };
      return unexpected(e);
    }
  };
  const reg = { name: def.name, execute };
  publicRegistry.set(def.name, reg as RegisteredPublicAction<unknown>);
  return reg;
}
