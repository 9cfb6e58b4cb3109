/**
 * The console: static pages under /ui/ (no build step; plain ES modules) and GET /v1/me, which
 * tells the console what the presented key may use. Pages hold no data: everything shown comes
 * from the API under the key's role, and a page's code is loaded only for a role that may use it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request, type Response } from 'express';
import { API_ROLES, type ApiRole, type KeyRing, requireRole } from '../api/auth.js';

export const CONSOLE_FEATURES = [
  'templates',
  'contact',
  'audit',
  'timeline',
  'inbox',
  'dashboard',
  'outcomes',
  'queues',
] as const;
export type ConsoleFeature = (typeof CONSOLE_FEATURES)[number];

/** Which console pages a role may open: the same roles as the API routes behind each page. */
export const FEATURE_ROLES: Record<ConsoleFeature, readonly ApiRole[]> = {
  templates: ['agent'],
  contact: ['collector', 'agent'],
  audit: ['compliance'],
  timeline: ['agent', 'compliance'],
  inbox: ['agent', 'compliance'],
  dashboard: ['compliance'],
  outcomes: ['compliance'],
  queues: ['admin'],
};

export const featuresOf = (role: ApiRole): ConsoleFeature[] =>
  CONSOLE_FEATURES.filter((f) => role === 'admin' || FEATURE_ROLES[f].includes(role));

/** In the source tree and in dist/ alike, the pages sit beside this module. */
const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Email HTML carries inline styles; it is shown in a sandboxed frame that runs no script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self' about:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function uiRouter(deps: { keyRing: KeyRing }): Router {
  const router = Router();

  router.get('/v1/me', requireRole(deps.keyRing, API_ROLES), (req: Request, res: Response) => {
    const { keyId, role, tenant } = req.principal!;
    res.json({ keyId, role, tenant, features: featuresOf(role) });
  });

  router.get('/', (_req, res) => res.redirect(302, '/ui/'));
  router.use('/ui', (_req, res, next) => {
    res.set('Content-Security-Policy', CSP);
    res.set('Cache-Control', 'no-cache');
    next();
  });
  router.use('/ui', express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true, etag: true }));
  // Every other page address is the same shell; the console's router draws the page.
  router.get(/^\/ui(\/.*)?$/, (req: Request, res: Response, next) => {
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    res.sendFile(path.join(PUBLIC_DIR, 'index.html'));
  });
  return router;
}
