/**
 * Draws the tab-bar icons and empty-state pictures of the mini program as PNG files
 * (the weapp tab bar accepts PNG only). Shapes are signed distance functions in an 81×81
 * design space, so every size is drawn from the same geometry with smooth edges.
 *
 *   npx tsx scripts/draw-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Sdf = (x: number, y: number) => number;
type Glyph = (stroke: number) => { outline: Sdf; filled: Sdf };

const DESIGN = 81;

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

const box =
  (x0: number, y0: number, x1: number, y1: number, r: number): Sdf =>
  (x, y) => {
    const hw = (x1 - x0) / 2 - r;
    const hh = (y1 - y0) / 2 - r;
    const dx = Math.abs(x - (x0 + x1) / 2) - hw;
    const dy = Math.abs(y - (y0 + y1) / 2) - hh;
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
  };

const segment =
  (ax: number, ay: number, bx: number, by: number): Sdf =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
    return Math.hypot(px - vx * t, py - vy * t);
  };

const polygon =
  (points: [number, number][]): Sdf =>
  (x, y) => {
    let distance = Infinity;
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [ax, ay] = points[j]!;
      const [bx, by] = points[i]!;
      distance = Math.min(distance, segment(ax, ay, bx, by)(x, y));
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
    return inside ? -distance : distance;
  };

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));
const subtract =
  (shape: Sdf, cut: Sdf): Sdf =>
  (x, y) =>
    Math.max(shape(x, y), -cut(x, y));
const intersect =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), b(x, y));
/** The outline of a shape, `width` wide, centred on its edge. */
const ring =
  (shape: Sdf, width: number): Sdf =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2;
/** A line (or polyline) `width` wide with round caps. */
const line = (width: number, ...points: [number, number][]): Sdf =>
  union(
    ...points.slice(1).map((point, i) => {
      const [ax, ay] = points[i]!;
      const sdf = segment(ax, ay, point[0], point[1]);
      return (x: number, y: number) => sdf(x, y) - width / 2;
    }),
  );
const grow =
  (shape: Sdf, by: number): Sdf =>
  (x, y) =>
    shape(x, y) - by;

const home: Glyph = (stroke) => {
  const house = polygon([
    [40.5, 12],
    [69, 37],
    [69, 69],
    [12, 69],
    [12, 37],
  ]);
  const door = box(33, 47, 48, 72, 3);
  return {
    outline: union(
      ring(house, stroke),
      intersect(ring(door, stroke), (_x, y) => y - 69),
    ),
    filled: subtract(grow(house, stroke / 2), door),
  };
};

const activity: Glyph = (stroke) => {
  const sheet = box(12, 17, 69, 70, 8);
  const pins = line(stroke, [27, 10], [27, 23]);
  const pins2 = line(stroke, [54, 10], [54, 23]);
  const check = line(stroke, [28, 47], [37, 56], [53, 40]);
  return {
    outline: union(ring(sheet, stroke), pins, pins2, line(stroke, [14, 31], [67, 31]), check),
    filled: union(subtract(grow(sheet, stroke / 2), union(grow(pins, 3), grow(pins2, 3), check)), pins, pins2),
  };
};

const study: Glyph = (stroke) => {
  const left = polygon([
    [40.5, 23],
    [11, 16],
    [11, 62],
    [40.5, 69],
  ]);
  const right = polygon([
    [40.5, 23],
    [70, 16],
    [70, 62],
    [40.5, 69],
  ]);
  const gap: Sdf = (x) => Math.abs(x - 40.5) - 2.5;
  return {
    outline: union(
      ring(left, stroke),
      ring(right, stroke),
      line(stroke, [20, 33], [32, 36]),
      line(stroke, [61, 33], [49, 36]),
    ),
    filled: subtract(union(grow(left, stroke / 2), grow(right, stroke / 2)), gap),
  };
};

const mine: Glyph = (stroke) => {
  const head = circle(40.5, 27, 14);
  const body = intersect(box(14, 50, 67, 92, 24), (_x, y) => y - 69);
  return {
    outline: union(ring(head, stroke), ring(body, stroke)),
    filled: union(grow(head, stroke / 2), subtract(grow(body, stroke / 2), grow(head, stroke / 2 + 4))),
  };
};

const idCard: Glyph = (stroke) => {
  const card = box(8, 18, 73, 64, 7);
  const head = circle(27, 35, 6.5);
  const shoulders = intersect(box(16, 45, 38, 62, 9), (_x, y) => y - 54);
  const text = union(
    line(stroke, [45, 33], [63, 33]),
    line(stroke, [45, 43], [63, 43]),
    line(stroke, [45, 53], [56, 53]),
  );
  return {
    outline: union(ring(card, stroke), ring(head, stroke), ring(shoulders, stroke), text),
    filled: subtract(grow(card, stroke / 2), union(head, shoulders, text)),
  };
};

const search: Glyph = (stroke) => {
  const lens = circle(35, 35, 19);
  const handle = line(stroke * 1.3, [49, 49], [66, 66]);
  return {
    outline: union(ring(lens, stroke), handle),
    filled: union(grow(lens, stroke / 2), handle),
  };
};

/** A five-pointed star, for the red member band on 首页. */
const star: Sdf = polygon(
  Array.from({ length: 10 }, (_, i): [number, number] => {
    const radius = i % 2 === 0 ? 38 : 15.5;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [40.5 + radius * Math.cos(angle), 43 + radius * Math.sin(angle)];
  }),
);

type Rgb = [number, number, number];

function hex(color: string): Rgb {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Renders `shape` at `size` pixels with edge anti-aliasing from the distance field. */
function render(shape: Sdf, size: number, color: string, padding = 0): PNG {
  const png = new PNG({ width: size, height: size });
  const [r, g, b] = hex(color);
  const scale = (DESIGN + 2 * padding) / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const distance = shape((px + 0.5) * scale - padding, (py + 0.5) * scale - padding) / scale;
      const alpha = Math.max(0, Math.min(1, 0.5 - distance));
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return png;
}

function save(file: string, png: PNG): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
}

const assets = path.resolve(__dirname, '..', 'client/src/assets');

/** Tab bar: 81×81 (27 pt at 3×), grey outline when idle, filled WeChat green when selected. */
const TAB_STROKE = 5;
const tabs: Record<string, Glyph> = { home, activity, study, mine };
for (const [name, glyph] of Object.entries(tabs)) {
  const { outline, filled } = glyph(TAB_STROKE);
  save(path.join(assets, 'tab', `${name}.png`), render(outline, 81, '#7a7e83'));
  save(path.join(assets, 'tab', `${name}-active.png`), render(filled, 81, '#07c160'));
}

save(path.join(assets, 'brand', 'star.png'), render(star, 240, '#ffffff'));

/** Empty states: a quiet grey line picture, shown at 120 px (240 px for 2× screens). */
const EMPTY_STROKE = 3.2;
const pictures: Record<string, Glyph> = { activity, study, bind: idCard, search };
for (const [name, glyph] of Object.entries(pictures)) {
  save(path.join(assets, 'empty', `${name}.png`), render(glyph(EMPTY_STROKE).outline, 240, '#c2c2c2', 12));
}
