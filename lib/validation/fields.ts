import { z } from "zod";

// Small zod building blocks shared by the case forms (relais, FNAVDL, ASLLi).

export const ZId = z.string().min(1).max(40);
/** The keys of a label table, as a zod enum's values. */
export const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
/** A yes/no select (« true » / « false ») or a checkbox. */
export const ZYesNo = z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true");
/** A free text of at least `min` characters, named in its message. */
export const ZText = (min: number, label: string) => z.string().trim().min(min, `${label} : à compléter.`).max(10_000, "10 000 caractères au plus.");
