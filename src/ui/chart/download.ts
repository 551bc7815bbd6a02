// Saving a chart: the standalone SVG as a file, or drawn onto a canvas as PNG.
// Everything stays in the tab; no request leaves the origin.
import { svgSize, toStandaloneSvg, type Theme } from '../../charts';

export function saveSvg(svg: string, theme: Theme, name: string): void {
  saveBlob(new Blob([toStandaloneSvg(svg, theme)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function savePng(svg: string, theme: Theme, name: string): Promise<void> {
  const standalone = toStandaloneSvg(svg, theme);
  const { width, height } = svgSize(standalone);
  const scale = 2; // sharp on high-density screens and in slides
  const url = URL.createObjectURL(new Blob([standalone], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG.'))), 'image/png'),
    );
    saveBlob(png, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function currentTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
