/** Small hand-made inputs: police.uk CSV text and square wards. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SourceFile } from '../../../src/core/pipeline.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

export interface RowSpec {
  id?: string;
  month?: string;
  lon?: string | number;
  lat?: string | number;
  location?: string;
  category?: string;
  outcome?: string;
  lsoa?: string;
}

/** One police.uk row with 12 fields; Location is quoted when it holds a comma or quote. */
export function row(spec: RowSpec = {}): string {
  const location = spec.location ?? 'On or near High Street';
  const quotedLocation = /[",]/.test(location) ? `"${location.replace(/"/g, '""')}"` : location;
  return [
    spec.id ?? '',
    spec.month ?? '2019-01',
    'Test Constabulary',
    'Test Constabulary',
    spec.lon ?? '0.5',
    spec.lat ?? '0.5',
    quotedLocation,
    spec.lsoa ?? 'E01000001',
    'Test 001A',
    spec.category ?? 'Burglary',
    spec.outcome ?? '',
    '',
  ].join(',');
}

export function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

/** A SourceFile over a string. */
export function memoryFile(name: string, text: string): SourceFile {
  return { name, read: async () => text };
}

/** A SourceFile over a file on disk, named as given. */
export function diskFile(path: string, name = path): SourceFile {
  return { name, read: () => readFile(path, 'utf8') };
}

/** An axis-aligned square as a closed GeoJSON ring, counter-clockwise. */
export function square(x0: number, y0: number, x1: number, y1: number): number[][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

export interface FeatureSpec {
  code: string;
  name: string;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  extra?: Record<string, unknown>;
}

export function featureCollection(features: FeatureSpec[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: { WD13CD: f.code, WD13NM: f.name, ...f.extra },
      geometry: f.geometry,
    })),
  });
}

/** GSS-like ward codes E05000001, E05000002, ... */
export function code(n: number): string {
  return `E05${String(n).padStart(6, '0')}`;
}
