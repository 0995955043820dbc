import type { InputHTMLAttributes, ReactNode } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
};

/** A labelled input whose hint and error are tied to it (RGAA 11.1, 11.10). */
export function Field({ id, label, hint, error, className, ...input }: Props) {
  const describedBy = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <div className="text-sm font-medium text-slate-800">
        <label htmlFor={id}>{label}</label>
        {/* The input's `required` tells assistive technologies; the star is for the eye only. */}
        {input.required ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
      </div>
      {hint ? <p id={`${id}-aide`} className="mt-0.5 text-xs text-slate-600">{hint}</p> : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 ${error ? "border-red-700" : "border-slate-400"}`}
        {...input}
      />
      {error ? <p id={`${id}-erreur`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; error?: string; children: ReactNode };

export function SelectField({ id, label, error, className, children, ...select }: SelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-400"}`}
        {...select}
      >
        {children}
      </select>
      {error ? <p id={`${id}-erreur`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
