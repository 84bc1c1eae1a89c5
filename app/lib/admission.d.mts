// Types for admission.mjs (plain JavaScript, imported by server.mjs outside the Vite build).
import type { RequestHandler } from "express";

export type AdmissionConfig = { maxInFlight: number; waitMs: number; postWaitMs: number; maxQueue: number; passwordWeight: number };
export type RefuseReason = "wait" | "full";
export type Admission = {
  enter(request: { post?: boolean; weight?: number; admit: (release: () => void) => void; refuse: (reason: RefuseReason, retryAfter: number) => void }): () => void;
  retryAfter(): number;
  stats(): { inFlight: number; queued: number; queuedPosts: number; admitted: number; refused: number; gone: number };
};

export function requestWeight(method: string, pathname: string, passwordWeight: number): number;
export function admissionConfig(env: Record<string, string | undefined>, database: "postgres" | "pglite"): AdmissionConfig;
export function createAdmission(options: {
  maxInFlight: number;
  waitMs: number;
  postWaitMs?: number;
  maxQueue: number;
  now?: () => number;
  random?: () => number;
}): Admission;
export function busyPage(options: { post: boolean; retryAfter: number }): string;
export function admissionMiddleware(admission: Admission, options: { passwordWeight: number; log: (fields: Record<string, unknown>) => void }): RequestHandler;
