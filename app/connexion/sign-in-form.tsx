"use client";

import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ZSignInInput, type TSignInInput } from "@/lib/validation/auth";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState: { errors } } = useForm<TSignInInput>({
    resolver: zodResolver(ZSignInInput),
    defaultValues: { email: "", password: "", callbackUrl },
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    start(async () => {
      const r = await signInAction(values);
      if (r && !r.ok) setMessage(r.message);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={message ? "connexion-erreur" : undefined}>
      {message ? <Alert id="connexion-erreur">{message}</Alert> : null}
      <Field id="email" label="Adresse e-mail" type="email" autoComplete="username" required error={errors.email?.message} {...register("email")} />
      <Field id="password" label="Mot de passe" type="password" autoComplete="current-password" required error={errors.password?.message} {...register("password")} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Connexion…" : "Se connecter"}</Button>
    </form>
  );
}
