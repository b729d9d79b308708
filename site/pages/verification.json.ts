// /verification.json: the verification record the pages' badges were built from, published
// beside them so a reader (and the browser tests) can check every claim against it.
import type { APIRoute } from 'astro';
import { loadRecord } from '../lib/verify/badge.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(loadRecord(), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
