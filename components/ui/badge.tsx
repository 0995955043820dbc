const TONES = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-700/30",
  blue: "bg-brand-50 text-brand-800 ring-brand-700/30",
  amber: "bg-amber-50 text-amber-900 ring-amber-700/30",
  red: "bg-red-50 text-red-800 ring-red-700/30",
  grey: "bg-slate-100 text-slate-700 ring-slate-500/30",
} as const;
export type Tone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
