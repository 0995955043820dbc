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

type TextAreaProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: ReactNode; error?: string };

/** A labelled text area, hint and error tied to it. */
export function TextAreaField({ id, label, hint, error, className, rows = 3, ...area }: TextAreaProps) {
  const describedBy = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-aide`} className="mt-0.5 text-xs text-slate-600">{hint}</p> : null}
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-400"}`}
        {...area}
      />
      {error ? <p id={`${id}-erreur`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

/** A group of checkboxes in a fieldset with its legend; the error is tied to the group. */
export function CheckboxGroup({ id, legend, options, error, register }: {
  id: string; legend: string; options: Record<string, string>; error?: string;
  register: (value: string) => React.InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby={error ? `${id}-erreur` : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {Object.entries(options).map(([value, label]) => (
          <label key={value} className="flex items-start gap-2 text-sm"><input type="checkbox" className="mt-0.5" value={value} {...register(value)} /> <span>{label}</span></label>
        ))}
      </div>
      {error ? <p id={`${id}-erreur`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
