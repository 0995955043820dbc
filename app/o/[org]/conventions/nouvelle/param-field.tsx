"use client";

import type { UseFormRegister } from "react-hook-form";
import type { ParamSpec } from "@/lib/validation/convention-params";

/** One parameter input, labelled, with its unit, help and error tied to it. */
export function ParamField({ spec, register, error }: { spec: ParamSpec; register: UseFormRegister<Record<string, unknown>>; error?: string }) {
  const id = `param-${spec.key}`;
  const name = `params.${spec.key}`;
  const t = spec.type;
  const describedBy = [spec.help ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  const unit = t.t === "euros" ? "€" : t.t === "percent" ? "%" : t.t === "int" ? t.unit : "";
  const input = "rounded-md border bg-white px-3 py-2 text-sm " + (error ? "border-red-700" : "border-slate-400");
  if (t.t === "bool") {
    // Set by avenant only (AVD-2): shown, not editable at creation.
    return (
      <div>
        <p className="text-sm font-medium text-slate-800">{spec.label} <span className="font-mono text-xs text-slate-500">{spec.rule}</span></p>
        <p className="text-sm text-slate-700">Non (par avenant)</p>
        <input type="hidden" {...register(name)} />
      </div>
    );
  }
  if (t.t === "multi") {
    return (
      <fieldset aria-describedby={describedBy}>
        <legend className="text-sm font-medium text-slate-800">{spec.label} <span className="font-mono text-xs text-slate-500">{spec.rule}</span></legend>
        <div className="mt-1 space-y-1">
          {t.options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={o.value} {...register(name)} /> {o.label}
            </label>
          ))}
        </div>
        {error ? <p id={`${id}-erreur`} className="mt-1 text-sm text-red-700">{error}</p> : null}
      </fieldset>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{spec.label} <span className="font-mono text-xs text-slate-500">{spec.rule}</span></label>
      {spec.help ? <p id={`${id}-aide`} className="text-xs text-slate-600">{spec.help}</p> : null}
      <div className="mt-1 flex items-center gap-2">
        {t.t === "select" ? (
          <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`${input} w-full`} {...register(name)}>
            {t.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        ) : (
          <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} inputMode={t.t === "text" ? undefined : "decimal"} className={`${input} ${t.t === "text" ? "w-full" : "w-36"}`} {...register(name)} />
        )}
        {unit ? <span className="text-sm text-slate-700">{unit}</span> : null}
      </div>
      {error ? <p id={`${id}-erreur`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
