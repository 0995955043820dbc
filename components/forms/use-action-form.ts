"use client";

import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/action-result";

/**
 * react-hook-form + zod on the client, the same schema again in the server action; the action's field
 * errors come back next to their fields, and what the person typed stays in the form.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R>(opts: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** Receives what the person typed (the schema's input): the server parses it again with the same schema. */
  action: (values: z.input<S>) => Promise<ActionResult<R>>;
  onSuccess?: (data: R) => void;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: opts.defaultValues,
  });
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const onSubmit = form.handleSubmit(() => {
    setMessage(null);
    start(async () => {
      const r = await opts.action(form.getValues());
      if (r.ok) {
        if (r.message) setMessage({ tone: "success", text: r.message });
        opts.onSuccess?.(r.data);
        return;
      }
      setMessage({ tone: "error", text: r.message });
      for (const [field, msgs] of Object.entries(r.fieldErrors ?? {})) {
        form.setError(field as Path<z.input<S>>, { type: "server", message: msgs[0] });
      }
    });
  });
  // A field's error by its dotted path (« params.referralQuota », « parties.0.organisationId »).
  const err = (name: string): string | undefined => {
    let node: unknown = form.formState.errors;
    for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };
  return { form, onSubmit, pending, message, setMessage, err };
}
