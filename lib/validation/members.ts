import { z } from "zod";
import { ZEmail } from "./auth";

export const ROLES = ["ADMIN", "AGENT", "READER"] as const;
export const ZRole = z.enum(ROLES, { error: "Choisissez un rôle." });

export const ZInviteMemberInput = z.object({
  email: ZEmail,
  firstName: z.string().trim().min(1, "Le prénom est obligatoire.").max(100, "100 caractères au plus."),
  lastName: z.string().trim().min(1, "Le nom est obligatoire.").max(100, "100 caractères au plus."),
  role: ZRole,
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZChangeRoleInput = z.object({ membershipId: z.string().min(1).max(40), role: ZRole });
export const ZMembershipInput = z.object({ membershipId: z.string().min(1).max(40) });
