// Draws the demo listings' pictures into demo-images/: house fronts, apartment and condo
// buildings, lots, rooms, gardens and avatars, as plain SVG (no scripts, no external
// references). Deterministic, so re-running it reproduces the committed files exactly.
//   cd packages/db && npx tsx scripts/draw-demo-images.ts

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DemoImageKind, demoImageFile, demoImageKinds, demoImagesDir } from '../src/seed/images.js';
import { Random } from '../src/seed/random.js';

const W = 800;
const H = 600;

// ---- SVG building blocks -------------------------------------------------------------

/** One decimal is plenty at 800×600 and keeps the files small. */
const f = (value: number) => String(Math.round(value * 10) / 10);

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${fill}"${extra}/>`;
const circle = (x: number, y: number, r: number, fill: string, extra = '') =>
  `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="${fill}"${extra}/>`;
const ellipse = (x: number, y: number, rx: number, ry: number, fill: string, extra = '') =>
  `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(ry)}" fill="${fill}"${extra}/>`;
/** `points` is flat: x0, y0, x1, y1, … */
const poly = (points: readonly number[], fill: string, extra = '') =>
  `<polygon points="${points
    .map((value, i) => (i % 2 === 0 ? f(value) : `,${f(value)} `))
    .join('')
    .trim()}" fill="${fill}"${extra}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, extra = '') =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${stroke}" stroke-width="${f(width)}"${extra}/>`;
const opacity = (value: number) => ` opacity="${value}"`;

/** A vertical (or given-direction) linear gradient, registered in the picture's defs. */
class Defs {
  private items: string[] = [];
  private count = 0;

  linear(stops: readonly string[], direction: 'down' | 'right' = 'down'): string {
    const id = `g${this.count++}`;
    const end = direction === 'down' ? 'x2="0" y2="1"' : 'x2="1" y2="0"';
    const offsets = stops.map((color, i) => `<stop offset="${f((i / Math.max(1, stops.length - 1)) * 100)}%" stop-color="${color}"/>`);
    this.items.push(`<linearGradient id="${id}" x1="0" y1="0" ${end}>${offsets.join('')}</linearGradient>`);
    return `url(#${id})`;
  }

  radial(inner: string, outer: string): string {
    const id = `g${this.count++}`;
    this.items.push(
      `<radialGradient id="${id}"><stop offset="0%" stop-color="${inner}"/><stop offset="100%" stop-color="${outer}"/></radialGradient>`,
    );
    return `url(#${id})`;
  }

  /** A repeating tile (siding, bricks, tiles). */
  pattern(width: number, height: number, body: string): string {
    const id = `p${this.count++}`;
    this.items.push(`<pattern id="${id}" width="${width}" height="${height}" patternUnits="userSpaceOnUse">${body}</pattern>`);
    return `url(#${id})`;
  }

  toString(): string {
    return this.items.length > 0 ? `<defs>${this.items.join('')}</defs>` : '';
  }
}

/** `title` says what the picture shows, for screen readers and anyone opening the file. */
function svg(title: string, defs: Defs, body: string[], options: { width?: number; height?: number; mirror?: boolean } = {}): string {
  const { width = W, height = H, mirror = false } = options;
  // Mirrored rooms put the window on the other side: the same furniture, a different room.
  const content = mirror ? `<g transform="matrix(-1 0 0 1 ${width} 0)">${body.join('')}</g>` : body.join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${title}</title>${defs}${content}</svg>\n`;
}

/** Mixes a hex colour towards black (amount < 0) or white (amount > 0). */
function shade(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    const mixed = amount < 0 ? c * (1 + amount) : c + (255 - c) * amount;
    return Math.round(mixed).toString(16).padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

// ---- Outdoor scenery -------------------------------------------------------------------

interface Sky {
  top: string;
  horizon: string;
  sun: boolean;
}

const skies: readonly Sky[] = [
  { top: '#4f9be0', horizon: '#cfe8f7', sun: true },
  { top: '#6aa8d8', horizon: '#e6eef2', sun: false },
  { top: '#3d86cf', horizon: '#bfe0f5', sun: true },
  { top: '#f0a46b', horizon: '#fbe3b8', sun: true },
  { top: '#7fb2dc', horizon: '#f3e7d3', sun: false },
];

function drawSky(defs: Defs, random: Random, sky: Sky, horizon: number): string[] {
  const parts = [rect(0, 0, W, horizon + 2, defs.linear([sky.top, sky.horizon]))];
  if (sky.sun) {
    const x = random.float(80, 720);
    parts.push(circle(x, random.float(60, 120), 70, defs.radial('#fffbe6', '#fffbe600')), circle(x, 90, 26, '#fff7d6', opacity(0.9)));
  }
  for (let i = random.int(2, 4); i > 0; i--)
    parts.push(cloud(random.float(40, 760), random.float(40, horizon * 0.45), random.float(0.6, 1.3)));
  return parts;
}

function cloud(x: number, y: number, scale: number): string {
  const puffs = [
    [0, 0, 38],
    [34, -14, 30],
    [66, 2, 32],
    [-30, 6, 24],
    [96, 10, 22],
  ] as const;
  return `<g opacity="0.85">${puffs.map(([dx, dy, r]) => circle(x + dx * scale, y + dy * scale, r * scale, '#ffffff')).join('')}${rect(x - 52 * scale, y + 4 * scale, 168 * scale, 26 * scale, '#ffffff', ` rx="${f(13 * scale)}"`)}</g>`;
}

function tree(x: number, ground: number, height: number, greens: readonly string[], random: Random): string {
  const trunk = rect(x - height * 0.04, ground - height * 0.45, height * 0.08, height * 0.45, '#6b4a2f');
  const crown: string[] = [];
  for (let i = 0; i < 7; i++) {
    crown.push(
      circle(
        x + random.float(-0.22, 0.22) * height,
        ground - height * random.float(0.55, 0.85),
        height * random.float(0.16, 0.24),
        random.pick(greens),
      ),
    );
  }
  return `<g>${trunk}${crown.join('')}</g>`;
}

function bush(x: number, y: number, size: number, green: string, random: Random, flowers?: string): string {
  const parts = [ellipse(x, y, size * 1.1, size * 0.6, shade(green, -0.25))];
  for (let i = 0; i < 4; i++)
    parts.push(circle(x + random.float(-0.7, 0.7) * size, y - random.float(0.1, 0.5) * size, size * random.float(0.45, 0.6), green));
  if (flowers)
    for (let i = 0; i < 6; i++)
      parts.push(circle(x + random.float(-0.8, 0.8) * size, y - random.float(0, 0.7) * size, size * 0.09, flowers));
  return parts.join('');
}

function lawn(defs: Defs, top: number, green: string): string {
  return rect(0, top, W, H - top, defs.linear([green, shade(green, -0.2)]));
}

const greens = [
  ['#4f8a3c', '#5e9c48', '#3f7531'],
  ['#5a9a4a', '#6cae57', '#477f39'],
  ['#3d7a4a', '#4e8f5a', '#2f6540'],
] as const;

// ---- Windows and doors -----------------------------------------------------------------

function glass(defs: Defs): string {
  return defs.linear(['#bfdff2', '#7fb2d6', '#5b8fb8']);
}

function windowAt(
  x: number,
  y: number,
  w: number,
  h: number,
  frame: string,
  pane: string,
  options: { cross?: boolean; sill?: boolean } = {},
): string {
  const parts = [
    rect(x - 4, y - 4, w + 8, h + 8, frame),
    rect(x, y, w, h, pane),
    poly([x + w * 0.15, y + h, x + w * 0.55, y, x + w * 0.75, y, x + w * 0.35, y + h], '#ffffff', opacity(0.22)),
  ];
  if (options.cross !== false) parts.push(rect(x + w / 2 - 2, y, 4, h, frame), rect(x, y + h / 2 - 2, w, 4, frame));
  if (options.sill !== false) parts.push(rect(x - 8, y + h + 4, w + 16, 6, shade(frame, -0.1)));
  return parts.join('');
}

function door(x: number, ground: number, w: number, h: number, color: string, frame: string): string {
  return [
    rect(x - 6, ground - h - 6, w + 12, h + 6, frame),
    rect(x, ground - h, w, h, color),
    rect(x + w * 0.15, ground - h * 0.9, w * 0.7, h * 0.3, shade(color, -0.15)),
    rect(x + w * 0.15, ground - h * 0.52, w * 0.7, h * 0.4, shade(color, -0.15)),
    circle(x + w * 0.82, ground - h * 0.48, 3, '#d8c07a'),
  ].join('');
}

// ---- House fronts ----------------------------------------------------------------------

interface HouseStyle {
  description: string;
  wall: string;
  trim: string;
  roof: string;
  door: string;
  sky: number;
  siding: 'lap' | 'brick' | 'board' | 'stucco';
  shape: 'colonial' | 'bungalow' | 'modern' | 'ranch' | 'gable' | 'farmhouse';
}

const houseStyles: readonly HouseStyle[] = [
  {
    description: 'white two-storey colonial house',
    wall: '#f2efe8',
    trim: '#ffffff',
    roof: '#4a4f57',
    door: '#9c2f2f',
    sky: 0,
    siding: 'lap',
    shape: 'colonial',
  },
  {
    description: 'sage-green craftsman bungalow with a porch',
    wall: '#8fa68a',
    trim: '#f4efe2',
    roof: '#5a4636',
    door: '#7a4b2a',
    sky: 1,
    siding: 'lap',
    shape: 'bungalow',
  },
  {
    description: 'modern house in white stucco and wood',
    wall: '#ecebe7',
    trim: '#2e3238',
    roof: '#3a3d42',
    door: '#b07a4a',
    sky: 2,
    siding: 'stucco',
    shape: 'modern',
  },
  {
    description: 'red-brick ranch house with a garage',
    wall: '#a65a44',
    trim: '#f1ede4',
    roof: '#4d4a48',
    door: '#2f4f6f',
    sky: 4,
    siding: 'brick',
    shape: 'ranch',
  },
  {
    description: 'blue house with a front gable and a bay',
    wall: '#5f7fa3',
    trim: '#f7f3ea',
    roof: '#3f4a57',
    door: '#f2c14e',
    sky: 0,
    siding: 'lap',
    shape: 'gable',
  },
  {
    description: 'white farmhouse with a porch',
    wall: '#f6f4ef',
    trim: '#2c2c2c',
    roof: '#2f3338',
    door: '#2c2c2c',
    sky: 3,
    siding: 'board',
    shape: 'farmhouse',
  },
];

function sidingFill(defs: Defs, style: HouseStyle): string {
  const dark = shade(style.wall, -0.12);
  switch (style.siding) {
    case 'lap':
      return defs.pattern(40, 14, rect(0, 0, 40, 14, style.wall) + rect(0, 12, 40, 2, dark));
    case 'board':
      return defs.pattern(24, 40, rect(0, 0, 24, 40, style.wall) + rect(20, 0, 3, 40, dark));
    case 'brick':
      return defs.pattern(
        48,
        24,
        rect(0, 0, 48, 24, shade(style.wall, 0.35)) +
          rect(1, 1, 22, 10, style.wall) +
          rect(25, 1, 22, 10, shade(style.wall, -0.06)) +
          rect(-11, 13, 22, 10, shade(style.wall, -0.04)) +
          rect(13, 13, 22, 10, style.wall) +
          rect(37, 13, 22, 10, shade(style.wall, -0.08)),
      );
    case 'stucco':
      return defs.linear([style.wall, shade(style.wall, -0.06)]);
  }
}

function drawHouse(variant: number, random: Random): string {
  const style = houseStyles[(variant - 1) % houseStyles.length] as HouseStyle;
  const defs = new Defs();
  const ground = 455;
  const green = greens[variant % greens.length] as readonly string[];
  const parts = drawSky(defs, random, skies[style.sky] as Sky, ground);
  // Far trees behind the house, then the lawn.
  for (let x = -20; x < W + 40; x += random.float(50, 90))
    parts.push(
      tree(
        x,
        ground + 8,
        random.float(120, 190),
        green.map((g) => shade(g, 0.1)),
        random,
      ),
    );
  parts.push(lawn(defs, ground, green[0] as string));
  const wall = sidingFill(defs, style);
  const pane = glass(defs);
  const shadow = '#00000022';

  const body: string[] = [];
  switch (style.shape) {
    case 'colonial': {
      const [x0, x1, top] = [190, 610, 215];
      body.push(rect(560, 150, 28, 70, '#8a5a44'));
      body.push(poly([x0 - 20, top, x1 + 20, top, x1 - 40, 135, x0 + 40, 135], style.roof));
      body.push(rect(x0, top, x1 - x0, ground - top, wall), rect(x0, top, x1 - x0, 10, shadow));
      for (const x of [220, 300, 460, 540])
        body.push(windowAt(x, 240, 44, 62, style.trim, pane), rect(x - 20, 236, 12, 70, '#23272d'), rect(x + 52, 236, 12, 70, '#23272d'));
      for (const x of [220, 300, 460, 540])
        body.push(windowAt(x, 345, 44, 68, style.trim, pane), rect(x - 20, 341, 12, 76, '#23272d'), rect(x + 52, 341, 12, 76, '#23272d'));
      body.push(windowAt(382, 240, 36, 52, style.trim, pane));
      body.push(poly([362, 330, 438, 330, 400, 306], style.trim), door(375, ground, 50, 100, style.door, style.trim));
      body.push(rect(360, ground, 80, 8, '#cfc8bb'));
      break;
    }
    case 'bungalow': {
      const [x0, x1, top] = [150, 650, 300];
      body.push(poly([x0 - 40, top + 10, x1 + 40, top + 10, 400, 170], style.roof));
      body.push(poly([x0 + 40, top + 8, x1 - 40, top + 8, 400, 200], shade(style.wall, -0.05)));
      body.push(windowAt(376, 236, 48, 40, style.trim, pane, { cross: false, sill: false }));
      body.push(rect(x0, top, x1 - x0, ground - top, wall), rect(x0, top, x1 - x0, 16, shadow));
      body.push(rect(x0 - 10, ground - 20, x1 - x0 + 20, 20, shade(style.trim, -0.15)));
      for (const x of [x0 + 10, 340, 440, x1 - 40])
        body.push(
          poly([x, ground - 20, x + 30, ground - 20, x + 24, top + 10, x + 6, top + 10], style.trim),
          rect(x - 4, ground - 60, 38, 40, '#8c7b6b'),
        );
      body.push(windowAt(215, 345, 90, 70, style.trim, pane), windowAt(495, 345, 90, 70, style.trim, pane));
      body.push(door(372, ground - 20, 56, 98, style.door, style.trim));
      body.push(rect(350, ground, 100, 10, '#bdb5a6'));
      break;
    }
    case 'modern': {
      body.push(rect(140, 250, 300, ground - 250, wall), rect(130, 240, 320, 14, style.roof));
      body.push(rect(400, 170, 270, ground - 170, defs.pattern(18, 40, rect(0, 0, 18, 40, '#b98a5e') + rect(16, 0, 2, 40, '#8e6540'))));
      body.push(rect(390, 160, 290, 14, style.roof));
      body.push(windowAt(430, 205, 210, 110, style.trim, pane, { cross: false, sill: false }), rect(533, 205, 4, 110, style.trim));
      body.push(windowAt(170, 280, 160, 120, style.trim, pane, { cross: false, sill: false }), rect(248, 280, 4, 120, style.trim));
      body.push(windowAt(450, 345, 100, ground - 345, style.trim, pane, { cross: false, sill: false }));
      body.push(door(360, ground, 46, 110, style.door, style.trim));
      body.push(rect(130, ground, 560, 10, '#c9c6bf'));
      break;
    }
    case 'ranch': {
      const [x0, x1, top] = [90, 710, 330];
      body.push(rect(560, 230, 30, 70, '#7d6a5e'));
      body.push(poly([x0 - 30, top, x1 + 30, top, x1 - 90, 240, x0 + 90, 240], style.roof));
      body.push(rect(x0, top, x1 - x0, ground - top, wall), rect(x0, top, x1 - x0, 12, shadow));
      body.push(windowAt(130, 358, 110, 58, style.trim, pane), windowAt(280, 358, 70, 58, style.trim, pane));
      body.push(door(385, ground, 50, 96, style.door, style.trim));
      const garage = defs.linear(['#f3f1ec', '#d9d5cc']);
      body.push(rect(480, 350, 190, ground - 350, style.trim), rect(490, 360, 170, ground - 360, garage));
      for (let y = 380; y < ground; y += 20) body.push(line(490, y, 660, y, '#bdb7ab', 2));
      body.push(poly([490, ground, 660, ground, 720, H, 430, H], '#c9c4b8'));
      break;
    }
    case 'gable': {
      const [x0, x1, top] = [230, 570, 250];
      body.push(rect(x0, top, x1 - x0, ground - top, wall));
      body.push(poly([x0 - 25, top + 4, x1 + 25, top + 4, 400, 110], style.roof));
      body.push(poly([x0 + 5, top, x1 - 5, top, 400, 128], wall));
      body.push(windowAt(375, 170, 50, 60, style.trim, pane));
      body.push(
        rect(x0 + 10, 330, 130, ground - 330, shade(style.wall, -0.08)),
        poly([x0, 330, x0 + 150, 330, x0 + 130, 312, x0 + 20, 312], style.roof),
      );
      body.push(windowAt(x0 + 30, 350, 40, 62, style.trim, pane), windowAt(x0 + 85, 350, 40, 62, style.trim, pane));
      body.push(windowAt(300, 270, 50, 54, style.trim, pane), windowAt(450, 270, 50, 54, style.trim, pane));
      body.push(door(450, ground, 52, 100, style.door, style.trim), rect(436, ground, 80, 8, '#cfc8bb'));
      break;
    }
    case 'farmhouse': {
      const [x0, x1, top] = [160, 640, 240];
      body.push(rect(x0, top, x1 - x0, ground - top, wall));
      body.push(poly([x0 - 20, top + 4, x1 + 20, top + 4, x1 - 60, 150, x0 + 60, 150], style.roof));
      body.push(poly([300, top + 4, 500, top + 4, 400, 120], style.roof), poly([318, top, 482, top, 400, 140], wall));
      body.push(windowAt(376, 180, 48, 50, style.trim, pane));
      for (const x of [210, 290, 470, 550]) body.push(windowAt(x, 262, 40, 56, style.trim, pane));
      body.push(rect(x0 - 10, 340, x1 - x0 + 20, 12, style.roof), rect(x0 - 10, 352, x1 - x0 + 20, 6, '#00000030'));
      for (const x of [x0, 290, 500, x1 - 12]) body.push(rect(x, 352, 12, ground - 352, '#3a3a3a'));
      body.push(windowAt(215, 370, 60, 70, style.trim, pane), windowAt(525, 370, 60, 70, style.trim, pane));
      body.push(door(375, ground, 50, 92, style.door, '#ffffff'));
      body.push(rect(x0 - 10, ground - 8, x1 - x0 + 20, 12, '#8f8a82'));
      break;
    }
  }
  parts.push(`<g>${body.join('')}</g>`);
  // Path to the door, then planting along the front.
  parts.push(poly([365, ground + 8, 435, ground + 8, 470, H, 330, H], '#d6d0c4'));
  const flowerColours = ['#e85d75', '#f2c14e', '#f7f7f7', '#b57edc'];
  for (const x of [120, 210, 300, 500, 590, 680])
    parts.push(
      bush(
        x + random.float(-15, 15),
        ground + 14,
        random.float(26, 36),
        green[1] as string,
        random,
        random.chance(0.5) ? random.pick(flowerColours) : undefined,
      ),
    );
  parts.push(tree(random.chance(0.5) ? 70 : 730, H - 40, random.float(250, 310), green, random));
  return svg(`Front of a ${style.description}`, defs, parts);
}

// ---- Apartment buildings ---------------------------------------------------------------

const apartmentStyles = [
  { colour: 'Red-brick', wall: '#b5654a', trim: '#efe6d8', floors: 6, balconies: false, awning: '#2f5d50' },
  { colour: 'Beige', wall: '#d9cbb5', trim: '#ffffff', floors: 5, balconies: true, awning: '#8c3b3b' },
  { colour: 'Grey', wall: '#8d9aa3', trim: '#f2f2f2', floors: 7, balconies: true, awning: '#2c3e50' },
  { colour: 'Brick', wall: '#c98b5c', trim: '#f6efe3', floors: 5, balconies: false, awning: '#1f4e79' },
  { colour: 'Cream', wall: '#e8e2d6', trim: '#5a5f66', floors: 6, balconies: true, awning: '#b5651d' },
] as const;

function drawApartment(variant: number, random: Random): string {
  const style = apartmentStyles[(variant - 1) % apartmentStyles.length] as (typeof apartmentStyles)[number];
  const defs = new Defs();
  const street = 470;
  const parts = drawSky(defs, random, skies[variant % skies.length] as Sky, street);
  // Neighbours on both sides, paler with distance.
  parts.push(rect(0, 170, 150, street - 170, shade(style.wall, 0.35)), rect(650, 130, 150, street - 130, shade(style.wall, 0.25)));
  for (let y = 190; y < street - 40; y += 48) {
    for (const x of [20, 85]) parts.push(rect(x, y, 34, 30, '#9fb8c9', opacity(0.8)));
    for (const x of [670, 735]) parts.push(rect(x, y - 30, 34, 30, '#9fb8c9', opacity(0.8)));
  }
  const [x0, x1] = [160, 640];
  const floorHeight = (street - 60 - 110) / style.floors;
  const top = street - 60 - floorHeight * style.floors;
  const wall =
    style.wall === '#b5654a' || style.wall === '#c98b5c'
      ? defs.pattern(
          30,
          12,
          rect(0, 0, 30, 12, style.wall) + rect(0, 11, 30, 1, shade(style.wall, 0.25)) + rect(14, 0, 1, 12, shade(style.wall, 0.25)),
        )
      : defs.linear([style.wall, shade(style.wall, -0.08)]);
  parts.push(rect(x0, top, x1 - x0, street - top, wall));
  parts.push(rect(x0 - 10, top - 14, x1 - x0 + 20, 16, style.trim), rect(x0 - 4, top + 2, x1 - x0 + 8, 6, '#00000025'));
  const pane = glass(defs);
  const railing = defs.pattern(7, 20, rect(0, 0, 2, 20, '#4a4f55'));
  const columns = 5;
  const span = (x1 - x0) / columns;
  for (let floor = 0; floor < style.floors; floor++) {
    const y = top + 18 + floor * floorHeight;
    for (let c = 0; c < columns; c++) {
      const x = x0 + c * span + span * 0.22;
      parts.push(windowAt(x, y, span * 0.56, floorHeight * 0.6, style.trim, pane, { cross: false }));
      if (style.balconies && c % 2 === 1) {
        parts.push(rect(x - 10, y + floorHeight * 0.6 + 2, span * 0.56 + 20, 5, '#4a4f55'));
        parts.push(rect(x - 8, y + floorHeight * 0.6 - 18, span * 0.56 + 16, 20, railing));
        parts.push(rect(x - 10, y + floorHeight * 0.6 - 20, span * 0.56 + 20, 3, '#4a4f55'));
      }
    }
    parts.push(rect(x0, y + floorHeight * 0.82, x1 - x0, 3, '#00000018'));
  }
  // Ground floor: entrance with an awning, shop windows.
  const base = street - 60;
  parts.push(rect(x0, base - 4, x1 - x0, 64, shade(style.wall, -0.2)));
  parts.push(windowAt(x0 + 20, base + 8, 140, 48, '#2a2a2a', pane, { cross: false, sill: false }));
  parts.push(windowAt(x1 - 160, base + 8, 140, 48, '#2a2a2a', pane, { cross: false, sill: false }));
  parts.push(door(375, street, 50, 56, '#3b3f45', style.trim));
  parts.push(poly([340, base, 460, base, 470, base + 18, 330, base + 18], style.awning));
  // Sidewalk, curb, street trees.
  parts.push(rect(0, street, W, 70, '#cfcac2'), rect(0, street + 70, W, 6, '#9c978f'), rect(0, street + 76, W, H - street - 76, '#5c5f63'));
  for (let x = 0; x < W; x += 80) parts.push(rect(x, street, 2, 70, '#b9b4ab'));
  const green = greens[variant % greens.length] as readonly string[];
  for (const x of [90, 710]) parts.push(tree(x, street + 40, 230, green, random));
  return svg(`${style.colour} apartment building${style.balconies ? ' with balconies' : ''}`, defs, parts);
}

// ---- Condo towers ----------------------------------------------------------------------

function drawCondo(variant: number, random: Random): string {
  const defs = new Defs();
  const ground = 500;
  const sky = skies[[0, 2, 3][(variant - 1) % 3] as number] as Sky;
  const parts = drawSky(defs, random, sky, ground);
  // Hazy towers behind.
  for (let x = -20; x < W; x += random.float(90, 140)) {
    const height = random.float(180, 330);
    parts.push(rect(x, ground - height, random.float(60, 100), height, shade(sky.horizon, -0.25), opacity(0.7)));
  }
  const tint = ['#6f9fc4', '#7aa7a2', '#8a9bb8'][(variant - 1) % 3] as string;
  const front = defs.linear([shade(tint, 0.35), tint, shade(tint, -0.25)]);
  const side = defs.linear([shade(tint, -0.1), shade(tint, -0.45)]);
  const [x0, x1, x2, top] = [250, 480, 580, 40];
  parts.push(rect(x0, top, x1 - x0, ground - top, front), poly([x1, top, x2, top + 30, x2, ground, x1, ground], side));
  for (let y = top + 24; y < ground - 60; y += 24) {
    parts.push(line(x0, y, x1, y, '#ffffff', 1.5, opacity(0.5)));
    parts.push(line(x1, y, x2, y + 30 * (1 - (y - top) / (ground - top)), '#ffffff', 1, opacity(0.3)));
  }
  for (let x = x0 + 46; x < x1; x += 46) parts.push(line(x, top, x, ground - 60, '#ffffff', 1, opacity(0.35)));
  // Sky reflected across the glass.
  parts.push(poly([x0, top + 160, x1, top + 60, x1, top + 140, x0, top + 240], '#ffffff', opacity(0.16)));
  parts.push(rect(x0 - 6, top - 10, x2 - x0 + 12, 12, '#3a4048'));
  // Podium and lobby.
  parts.push(
    rect(180, ground - 70, 480, 70, '#d8d4cc'),
    rect(330, ground - 56, 140, 56, glass(defs)),
    rect(320, ground - 64, 160, 8, '#3a4048'),
  );
  parts.push(rect(0, ground, W, H - ground, '#cfcac2'), rect(0, ground + 60, W, H - ground - 60, '#5c5f63'));
  const warm = variant !== 2;
  for (const x of [120, 680]) {
    if (warm) {
      // A palm: curved trunk and fronds.
      parts.push(
        `<path d="M${x} ${ground + 30} Q ${x + 10} ${ground - 120} ${x - 5} ${ground - 230}" stroke="#8b6b4a" stroke-width="12" fill="none"/>`,
      );
      for (let a = 0; a < 7; a++) {
        const angle = (a / 7) * Math.PI * 2;
        const [tx, ty] = [x - 5 + Math.cos(angle) * 85, ground - 230 + Math.sin(angle) * 40 + 20];
        parts.push(
          `<path d="M${x - 5} ${ground - 230} Q ${f((x - 5 + tx) / 2)} ${ground - 270} ${f(tx)} ${f(ty)}" stroke="#3f8a4a" stroke-width="10" fill="none" stroke-linecap="round"/>`,
        );
      }
    } else {
      parts.push(tree(x, ground + 30, 240, greens[1], random));
    }
  }
  return svg(`Glass condominium tower${warm ? ' with palm trees' : ''}`, defs, parts);
}

// ---- Lots ------------------------------------------------------------------------------

function drawLand(variant: number, random: Random): string {
  const defs = new Defs();
  const horizon = 330;
  const dry = variant === 2;
  const parts = drawSky(defs, random, skies[variant === 3 ? 4 : 0] as Sky, horizon);
  const field = dry ? ['#d8c27a', '#c4a85a'] : ['#8dbb5a', '#6b9a3f'];
  // Distant hills, a row of trees, then the lot itself.
  parts.push(
    `<path d="M0 ${horizon} Q 200 ${horizon - 70} 420 ${horizon - 20} T 800 ${horizon - 40} V ${horizon + 20} H 0 Z" fill="${dry ? '#b9a77a' : '#7fa872'}"/>`,
  );
  const treeGreens = dry ? ['#7d8a4a', '#6c7a3e'] : ['#3f7531', '#4f8a3c', '#5e9c48'];
  for (let x = 0; x < W; x += random.float(30, 70)) parts.push(tree(x, horizon + 20, random.float(60, 110), treeGreens, random));
  parts.push(rect(0, horizon + 16, W, H - horizon - 16, defs.linear(field)));
  const blades: string[] = [];
  for (let i = 0; i < 140; i++) {
    const x = random.float(0, W);
    const y = random.float(horizon + 30, H);
    blades.push(`M${f(x)} ${f(y)}l${f(random.float(-3, 3))} ${f(-random.float(6, 14) * ((y - horizon) / 200))}`);
  }
  parts.push(`<path d="${blades.join('')}" stroke="${shade(field[1] as string, -0.2)}" stroke-width="1.5"/>`);
  // Post-and-wire fence along the front, survey stakes with orange tape, a sign.
  for (let x = 20; x < W; x += 90) parts.push(rect(x, 470, 8, 80, '#7a5c3e'));
  for (const y of [490, 520]) parts.push(line(0, y, W, y, '#5a5a5a', 1.5));
  for (const [x, y] of [
    [250, 400],
    [600, 395],
  ] as const) {
    parts.push(rect(x, y, 5, 40, '#c9a66b'), rect(x + 5, y + 2, 14, 6, '#ff7a1a'));
  }
  parts.push(rect(640, 380, 8, 110, '#6b5138'), rect(575, 350, 140, 70, '#ffffff'), rect(575, 350, 140, 20, '#c0392b'));
  parts.push(rect(590, 382, 110, 8, '#4a4a4a'), rect(590, 398, 80, 8, '#9a9a9a'));
  return svg(`Vacant lot for sale${dry ? ' in dry grass' : ''}, with a fence and survey stakes`, defs, parts);
}

// ---- Rooms -----------------------------------------------------------------------------

/** A room in one-point perspective: back wall, side walls, ceiling and floor. */
interface Room {
  defs: Defs;
  parts: string[];
  back: { x0: number; y0: number; x1: number; y1: number };
}

function room(wall: string, floor: string, floorKind: 'wood' | 'tile', random: Random): Room {
  const defs = new Defs();
  const back = { x0: 150, y0: 90, x1: 650, y1: 430 };
  const parts = [
    rect(0, 0, W, H, defs.linear([shade(wall, -0.05), wall])),
    poly([0, 0, W, 0, back.x1, back.y0, back.x0, back.y0], shade(wall, 0.35)),
    poly([0, 0, back.x0, back.y0, back.x0, back.y1, 0, H], defs.linear([shade(wall, -0.18), shade(wall, -0.08)], 'right')),
    poly([W, 0, back.x1, back.y0, back.x1, back.y1, W, H], defs.linear([shade(wall, -0.04), shade(wall, -0.16)], 'right')),
    rect(back.x0, back.y0, back.x1 - back.x0, back.y1 - back.y0, wall),
    poly([0, H, W, H, back.x1, back.y1, back.x0, back.y1], defs.linear([shade(floor, -0.08), floor])),
  ];
  // Floor boards (or tiles) converge on the vanishing point.
  const lines = floorKind === 'wood' ? 16 : 10;
  for (let i = 1; i < lines; i++) {
    const t = i / lines;
    parts.push(line(back.x0 + t * (back.x1 - back.x0), back.y1, t * W, H, shade(floor, -0.18), 1.2));
  }
  if (floorKind === 'tile') {
    for (const t of [0.15, 0.35, 0.6, 0.9]) {
      const y = back.y1 + t * (H - back.y1);
      parts.push(line(back.x0 * (1 - t), y, back.x1 + (W - back.x1) * t, y, shade(floor, -0.18), 1.2));
    }
  } else {
    for (let i = 0; i < 12; i++) {
      const t = random.float(0.05, 0.95);
      const y = back.y1 + t * (H - back.y1);
      const x = random.float(back.x0 * (1 - t), back.x1 + (W - back.x1) * t - 40);
      parts.push(line(x, y, x + 30 + 40 * t, y, shade(floor, -0.14), 1));
    }
  }
  parts.push(rect(back.x0, back.y1 - 10, back.x1 - back.x0, 10, shade(wall, 0.4)));
  return { defs, parts, back };
}

function roomWindow(r: Room, x: number, y: number, w: number, h: number, curtains?: string): string {
  const view = r.defs.linear(['#9fd0f0', '#e6f4fb']);
  const parts = [rect(x - 8, y - 8, w + 16, h + 16, '#ffffff'), rect(x, y, w, h, view)];
  parts.push(
    ellipse(x + w * 0.3, y + h * 0.85, w * 0.35, h * 0.2, '#8cc07a'),
    ellipse(x + w * 0.8, y + h * 0.9, w * 0.3, h * 0.18, '#79b06a'),
  );
  parts.push(rect(x + w / 2 - 3, y, 6, h, '#ffffff'), rect(x, y + h * 0.45, w, 5, '#ffffff'));
  parts.push(rect(x - 14, y + h + 8, w + 28, 8, '#f4f1ea'));
  if (curtains)
    parts.push(
      rect(x - 34, y - 24, 36, h + 60, curtains),
      rect(x + w - 2, y - 24, 36, h + 60, curtains),
      rect(x - 44, y - 28, w + 88, 5, '#8a8a8a'),
    );
  return parts.join('');
}

function plant(x: number, floorY: number, size: number, random: Random): string {
  const parts = [
    poly(
      [x - size * 0.3, floorY - size * 0.5, x + size * 0.3, floorY - size * 0.5, x + size * 0.22, floorY, x - size * 0.22, floorY],
      '#c77d4e',
    ),
  ];
  for (let i = 0; i < 9; i++) {
    const angle = -Math.PI / 2 + random.float(-1.1, 1.1);
    const length = size * random.float(0.6, 1.1);
    const [tx, ty] = [x + Math.cos(angle) * length, floorY - size * 0.5 + Math.sin(angle) * length];
    parts.push(
      `<path d="M${f(x)} ${f(floorY - size * 0.5)} Q ${f(x + (tx - x) * 0.2)} ${f(ty)} ${f(tx)} ${f(ty)}" stroke="${random.pick(['#3f7d3a', '#4f9a46', '#2f6a35'])}" stroke-width="${f(size * 0.12)}" fill="none" stroke-linecap="round"/>`,
    );
  }
  return parts.join('');
}

function artwork(x: number, y: number, w: number, h: number, colours: readonly string[]): string {
  return [
    rect(x - 6, y - 6, w + 12, h + 12, '#2b2b2b'),
    rect(x, y, w, h, '#f7f4ee'),
    circle(x + w * 0.35, y + h * 0.45, Math.min(w, h) * 0.25, colours[0] as string),
    rect(x + w * 0.5, y + h * 0.3, w * 0.3, h * 0.5, colours[1] as string),
  ].join('');
}

const roomPalettes = [
  { wall: '#efe9df', floor: '#c89f6e', accent: '#3e6e8e', textile: '#d9cfc0', art: ['#e07a5f', '#3d405b'] },
  { wall: '#dfe6dc', floor: '#a8794f', accent: '#c0714f', textile: '#ece5d8', art: ['#81b29a', '#f2cc8f'] },
  { wall: '#e8e1d9', floor: '#d9b88a', accent: '#5b6b4f', textile: '#f3efe7', art: ['#2a9d8f', '#e9c46a'] },
  { wall: '#dde7ef', floor: '#8f6a4a', accent: '#d4a373', textile: '#f0ebe3', art: ['#264653', '#e76f51'] },
] as const;

function drawLiving(variant: number, random: Random): string {
  const palette = roomPalettes[(variant - 1) % roomPalettes.length] as (typeof roomPalettes)[number];
  const r = room(palette.wall, palette.floor, 'wood', random);
  const { parts, back } = r;
  parts.push(roomWindow(r, 420, 140, 180, 190, shade(palette.textile, -0.08)));
  parts.push(artwork(210, 170, 120, 90, palette.art));
  // Rug, sofa, coffee table, lamp, plant.
  parts.push(ellipse(400, 520, 300, 60, shade(palette.textile, -0.12)), ellipse(400, 520, 270, 50, palette.textile));
  const sofa = palette.accent;
  parts.push(rect(190, 360, 360, 70, shade(sofa, -0.1), ' rx="14"'), rect(175, 395, 390, 80, sofa, ' rx="16"'));
  parts.push(rect(160, 380, 50, 100, shade(sofa, -0.15), ' rx="18"'), rect(530, 380, 50, 100, shade(sofa, -0.15), ' rx="18"'));
  parts.push(rect(215, 395, 150, 40, shade(sofa, 0.12), ' rx="10"'), rect(375, 395, 150, 40, shade(sofa, 0.12), ' rx="10"'));
  parts.push(rect(240, 372, 60, 44, palette.art[1], ' rx="8"'), rect(440, 372, 60, 44, palette.textile, ' rx="8"'));
  parts.push(rect(160, 475, 8, 12, '#3b2f27'), rect(570, 475, 8, 12, '#3b2f27'));
  parts.push(
    ellipse(400, 520, 120, 26, '#5a4030'),
    ellipse(400, 514, 120, 24, '#7a5a42'),
    rect(330, 520, 8, 36, '#4a3528'),
    rect(462, 520, 8, 36, '#4a3528'),
  );
  parts.push(circle(370, 505, 12, '#f2f2f2'), rect(410, 500, 40, 8, palette.art[0]));
  parts.push(
    rect(640, 250, 6, back.y1 + 80 - 250, '#333333'),
    poly([615, 250, 671, 250, 660, 200, 626, 200], '#f6efe0'),
    ellipse(643, back.y1 + 80, 30, 8, '#333333'),
  );
  parts.push(plant(110, 560, 130, random));
  // Ceiling light.
  parts.push(line(400, 0, 400, 40, '#555555', 2), ellipse(400, 52, 46, 14, '#2f2f2f'));
  return svg('Living room with a sofa, a rug and a large window', r.defs, parts, { mirror: variant % 2 === 0 });
}

const kitchenPalettes = [
  { name: 'white', wall: '#f1eee8', floor: '#b7a48b', cabinet: '#f7f7f5', counter: '#e9e6e1', tile: '#ffffff' },
  { name: 'navy', wall: '#ebe8e2', floor: '#9b7b5b', cabinet: '#2f4a6b', counter: '#f2efe9', tile: '#e8eef2' },
  { name: 'sage-green', wall: '#eef0ea', floor: '#c4a57f', cabinet: '#8aa18b', counter: '#d8b98f', tile: '#f6f4ef' },
] as const;

function drawKitchen(variant: number, random: Random): string {
  const palette = kitchenPalettes[(variant - 1) % kitchenPalettes.length] as (typeof kitchenPalettes)[number];
  const r = room(palette.wall, palette.floor, variant === 1 ? 'tile' : 'wood', random);
  const { parts, defs, back } = r;
  const tile = defs.pattern(24, 12, rect(0, 0, 24, 12, '#c9c9c9') + rect(0.5, 0.5, 23, 11, palette.tile));
  parts.push(rect(back.x0, 250, back.x1 - back.x0, 90, tile));
  parts.push(roomWindow(r, 330, 190, 140, 100));
  // Upper cabinets either side of the window, range hood.
  for (const x of [back.x0 + 10, 490]) {
    parts.push(
      rect(x, 110, 150, 110, palette.cabinet),
      rect(x, 110, 150, 110, 'none', ` stroke="${shade(palette.cabinet, -0.2)}" stroke-width="2"`),
    );
    parts.push(
      line(x + 75, 110, x + 75, 220, shade(palette.cabinet, -0.2), 2),
      rect(x + 66, 195, 3, 16, '#b8b8b8'),
      rect(x + 81, 195, 3, 16, '#b8b8b8'),
    );
  }
  // Lower run with counter, sink, cooktop.
  parts.push(
    rect(back.x0, 345, back.x1 - back.x0, back.y1 - 345, palette.cabinet),
    rect(back.x0 - 6, 335, back.x1 - back.x0 + 12, 12, palette.counter),
  );
  for (let x = back.x0; x < back.x1; x += 100)
    parts.push(
      rect(x + 4, 352, 92, back.y1 - 360, 'none', ` stroke="${shade(palette.cabinet, -0.2)}" stroke-width="2"`),
      rect(x + 40, 360, 20, 4, '#b8b8b8'),
    );
  parts.push(
    rect(360, 330, 80, 8, '#a9b0b5'),
    `<path d="M400 330 V 305 Q 400 296 410 296 H 418" stroke="#9aa1a6" stroke-width="5" fill="none"/>`,
  );
  parts.push(rect(510, 329, 110, 6, '#222222'), circle(540, 332, 10, '#444444'), circle(590, 332, 10, '#444444'));
  // Fridge on the right wall, island in front with stools.
  parts.push(
    poly([back.x1, 150, 720, 110, 720, 540, back.x1, back.y1], defs.linear(['#d7dadc', '#b9bec2'], 'right')),
    line(back.x1 + 4, 280, 716, 265, '#8e9498', 2),
  );
  const island = shade(palette.cabinet, -0.06);
  parts.push(rect(190, 430, 420, 110, island), rect(175, 415, 450, 20, palette.counter), rect(175, 435, 450, 6, '#00000020'));
  for (const x of [240, 400, 560])
    parts.push(
      rect(x - 22, 470, 44, 10, '#3b3b3b'),
      rect(x - 16, 480, 4, 90, '#3b3b3b'),
      rect(x + 12, 480, 4, 90, '#3b3b3b'),
      rect(x - 16, 540, 32, 4, '#3b3b3b'),
    );
  parts.push(
    circle(300, 400, 16, '#e9c46a'),
    circle(318, 404, 14, '#e76f51'),
    circle(290, 408, 12, '#f4a261'),
    ellipse(305, 414, 40, 6, '#d0c8bc'),
  );
  for (const x of [280, 400, 520])
    parts.push(
      line(x, 0, x, 50, '#444444', 2),
      poly([x - 22, 78, x + 22, 78, x + 10, 50, x - 10, 50], '#2f2f2f'),
      ellipse(x, 78, 22, 4, '#ffe9a8'),
    );
  return svg(`Kitchen with ${palette.name} cabinets and an island`, defs, parts, { mirror: variant % 2 === 0 });
}

const bedroomPalettes = [
  { wall: '#e9e4dc', floor: '#c49a6c', bed: '#f7f5f0', throw: '#9fb8ad', headboard: '#8b6f56' },
  { wall: '#d9e2ea', floor: '#a27b58', bed: '#ffffff', throw: '#34495e', headboard: '#c9bba8' },
  { wall: '#efe3da', floor: '#d2b48c', bed: '#f4efe8', throw: '#c97c5d', headboard: '#5d6d5f' },
] as const;

function drawBedroom(variant: number, random: Random): string {
  const palette = bedroomPalettes[(variant - 1) % bedroomPalettes.length] as (typeof bedroomPalettes)[number];
  const r = room(palette.wall, palette.floor, 'wood', random);
  const { parts, defs } = r;
  parts.push(roomWindow(r, 520, 150, 110, 160, shade(palette.throw, 0.4)));
  parts.push(artwork(300, 150, 200, 80, [palette.throw, palette.headboard]));
  parts.push(ellipse(400, 540, 320, 50, shade(palette.bed, -0.1)));
  parts.push(rect(250, 260, 300, 180, palette.headboard, ' rx="12"'));
  parts.push(
    rect(230, 380, 340, 150, palette.bed, ' rx="10"'),
    rect(230, 440, 340, 90, palette.throw, ' rx="8"'),
    rect(230, 440, 340, 12, shade(palette.throw, 0.2)),
  );
  parts.push(
    rect(265, 340, 120, 55, '#ffffff', ' rx="14"'),
    rect(415, 340, 120, 55, '#ffffff', ' rx="14"'),
    rect(300, 365, 200, 40, shade(palette.throw, 0.3), ' rx="12"'),
  );
  for (const x of [165, 585]) {
    parts.push(rect(x, 390, 60, 70, shade(palette.headboard, -0.15)), rect(x + 5, 420, 50, 3, '#00000030'));
    parts.push(rect(x + 28, 350, 4, 40, '#7a7a7a'), poly([x + 12, 350, x + 48, 350, x + 42, 320, x + 18, 320], '#f6efe0'));
  }
  parts.push(plant(720, 580, 110, random));
  return svg('Bedroom with a double bed, nightstands and a window', defs, parts, { mirror: variant % 2 === 0 });
}

function drawBathroom(variant: number, random: Random): string {
  const wall = variant === 1 ? '#eef1f2' : '#e8efe9';
  const r = room(wall, variant === 1 ? '#9aa3a8' : '#c8c1b5', 'tile', random);
  const { parts, defs, back } = r;
  const tile = defs.pattern(40, 20, rect(0, 0, 40, 20, '#d5dadd') + rect(0.5, 0.5, 39, 19, variant === 1 ? '#ffffff' : '#d7e6dc'));
  parts.push(rect(back.x0, 230, back.x1 - back.x0, back.y1 - 230, tile));
  // Vanity with a mirror, a tub behind glass, a towel.
  parts.push(rect(200, 120, 170, 120, '#c9d6de'), rect(200, 120, 170, 120, 'none', ' stroke="#8e8e8e" stroke-width="6"'));
  parts.push(poly([215, 230, 260, 130, 290, 130, 245, 230], '#ffffff', opacity(0.35)));
  parts.push(
    rect(180, 330, 210, 100, variant === 1 ? '#5b4636' : '#f5f5f0'),
    rect(170, 318, 230, 14, '#f7f7f7'),
    ellipse(285, 322, 50, 6, '#dfe6ea'),
  );
  parts.push(rect(280, 290, 8, 30, '#b9b9b9'), rect(280, 290, 24, 6, '#b9b9b9'));
  parts.push(rect(440, 330, 200, 100, '#ffffff', ' rx="30"'), rect(440, 330, 200, 22, '#f1f4f5', ' rx="10"'));
  parts.push(rect(440, 130, 6, 210, '#b0b6ba'), rect(446, 130, 194, 200, '#cfe6f0', opacity(0.25)));
  parts.push(rect(600, 150, 8, 40, '#b9b9b9'), circle(604, 200, 14, '#c7c7c7'));
  parts.push(rect(120, 250, 40, 140, variant === 1 ? '#e9c46a' : '#e07a5f', ' rx="4"'));
  parts.push(plant(700, 570, 100, random));
  return svg('Bathroom with a vanity, a mirror and a bathtub', defs, parts, { mirror: variant % 2 === 0 });
}

// ---- Gardens ---------------------------------------------------------------------------

function drawGarden(variant: number, random: Random): string {
  const defs = new Defs();
  const horizon = 300;
  const green = greens[(variant - 1) % greens.length] as readonly string[];
  const parts = drawSky(defs, random, skies[(variant + 1) % skies.length] as Sky, horizon);
  for (let x = -30; x < W + 30; x += random.float(60, 100)) parts.push(tree(x, horizon + 20, random.float(150, 230), green, random));
  // A wooden fence across the back, the lawn, beds, a deck in front with a table and parasol.
  const fence = variant === 2 ? '#8a9a9c' : '#b48a62';
  parts.push(rect(0, horizon - 10, W, 80, fence));
  for (let x = 0; x < W; x += 22) parts.push(rect(x, horizon - 16, 18, 86, shade(fence, random.float(-0.1, 0.08))));
  parts.push(lawn(defs, horizon + 66, green[1] as string));
  const flowers = ['#e85d75', '#f2c14e', '#ffffff', '#b57edc', '#ff8c42'];
  for (let x = 30; x < W; x += random.float(60, 90))
    parts.push(bush(x, horizon + 76, random.float(22, 34), green[2] as string, random, random.pick(flowers)));
  const deck = defs.linear(['#b7875c', '#8f6340']);
  parts.push(poly([0, 470, W, 470, W, H, 0, H], deck));
  for (let y = 478; y < H; y += 14) parts.push(line(0, y, W, y, '#6f4c30', 1.5, opacity(0.6)));
  parts.push(rect(0, 466, W, 6, '#7a5538'));
  if (variant !== 3) {
    parts.push(ellipse(420, 470, 90, 16, '#00000022'), ellipse(420, 440, 80, 14, '#f3f0ea'), rect(414, 440, 12, 30, '#8a8a8a'));
    parts.push(line(420, 440, 420, 300, '#6b6b6b', 4), poly([300, 330, 540, 330, 420, 280], variant === 1 ? '#2a9d8f' : '#e76f51'));
    for (const x of [320, 520])
      parts.push(
        rect(x - 25, 440, 50, 8, '#2f2f2f'),
        rect(x - 25, 400, 6, 48, '#2f2f2f'),
        rect(x - 20, 448, 4, 30, '#2f2f2f'),
        rect(x + 16, 448, 4, 30, '#2f2f2f'),
      );
  } else {
    // A raised vegetable bed and a bench.
    parts.push(rect(170, 400, 260, 50, '#8f6340'), rect(175, 395, 250, 10, '#5a3d28'));
    for (let x = 190; x < 420; x += 28) parts.push(bush(x, 395, 14, '#4f9a46', random));
    parts.push(
      rect(520, 420, 160, 14, '#a37a55'),
      rect(530, 434, 8, 34, '#6f4c30'),
      rect(662, 434, 8, 34, '#6f4c30'),
      rect(520, 392, 160, 10, '#a37a55'),
    );
  }
  for (const x of [60, 740]) parts.push(plant(x, 560, 120, random));
  return svg(`Back garden with a deck${variant === 3 ? ' and a raised vegetable bed' : ', a lawn and a patio table'}`, defs, parts);
}

// ---- Avatars ---------------------------------------------------------------------------

const avatarStyles = [
  { background: '#cfe3f2', skin: '#f2d0b5', hair: '#3b2a20', shirt: '#3e6e8e', long: false },
  { background: '#f6dcc9', skin: '#c68b62', hair: '#1f1a17', shirt: '#2a9d8f', long: true },
  { background: '#dcebd7', skin: '#8d5a3b', hair: '#141414', shirt: '#e76f51', long: false },
  { background: '#efe0f3', skin: '#f0c7a1', hair: '#b5651d', shirt: '#264653', long: true },
  { background: '#f7ecc6', skin: '#e0ac85', hair: '#6b4226', shirt: '#6d597a', long: false },
  { background: '#d6e4ea', skin: '#5c3a26', hair: '#2a2a2a', shirt: '#f4a261', long: true },
] as const;

function drawAvatar(variant: number): string {
  const style = avatarStyles[(variant - 1) % avatarStyles.length] as (typeof avatarStyles)[number];
  const defs = new Defs();
  const parts = [rect(0, 0, 400, 400, style.background)];
  if (style.long) parts.push(rect(120, 130, 160, 190, style.hair, ' rx="70"'));
  parts.push(`<path d="M60 400 C 70 300 130 270 200 270 C 270 270 330 300 340 400 Z" fill="${style.shirt}"/>`);
  parts.push(rect(175, 230, 50, 55, shade(style.skin, -0.1), ' rx="12"'));
  parts.push(ellipse(200, 175, 72, 85, style.skin));
  parts.push(
    `<path d="M128 170 C 125 95 170 80 200 80 C 240 80 280 100 272 170 C 262 130 230 120 200 122 C 165 122 140 135 128 170 Z" fill="${style.hair}"/>`,
  );
  parts.push(circle(175, 180, 6, '#2b2b2b'), circle(225, 180, 6, '#2b2b2b'));
  parts.push(
    `<path d="M178 215 Q 200 232 222 215" stroke="${shade(style.skin, -0.35)}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
  );
  return svg('Profile picture', defs, parts, { width: 400, height: 400 });
}

// ---- Writing the files -----------------------------------------------------------------

const painters: Record<DemoImageKind, (variant: number, random: Random) => string> = {
  house: drawHouse,
  apartment: drawApartment,
  condo: drawCondo,
  land: drawLand,
  living: drawLiving,
  kitchen: drawKitchen,
  bedroom: drawBedroom,
  bathroom: drawBathroom,
  garden: drawGarden,
  avatar: drawAvatar,
};

mkdirSync(demoImagesDir, { recursive: true });
for (const file of readdirSync(demoImagesDir)) if (file.endsWith('.svg')) rmSync(path.join(demoImagesDir, file));
let bytes = 0;
for (const [kind, count] of Object.entries(demoImageKinds) as [DemoImageKind, number][]) {
  for (let variant = 1; variant <= count; variant++) {
    const image = painters[kind](variant, new Random(2026, `${kind}-${variant}`));
    writeFileSync(path.join(demoImagesDir, demoImageFile(kind, variant)), image);
    bytes += image.length;
  }
}
console.log(
  `wrote ${Object.values<number>(demoImageKinds).reduce((a, b) => a + b, 0)} images (${Math.round(bytes / 1024)} KB) to ${demoImagesDir}`,
);
