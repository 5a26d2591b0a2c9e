import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeModel, modelFeatures, ModelAssetError, predict, type ModelAsset } from './model';

const assetPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const asset = JSON.parse(readFileSync(assetPath, 'utf8')) as ModelAsset;
const model = decodeModel(asset);
const best = (text: string) => predict(model, text)[0]!.id;

describe('suggestion model', () => {
  it('reads character 1–3-grams of the normalised text, digits folded', () => {
    const f = modelFeatures('退款 123元');
    expect(f).toEqual(expect.arrayContaining(['退', '退款', '^退款', '0元', '款 0']));
    expect(modelFeatures('[订单x] 123456789012')).toEqual([]);
  });

  it.each([
    ['我那个包裹现在走到哪里了', 'tracking'],
    ['钱退回来没有 三天了', 'refund-status'],
    ['能不能开个公司抬头的票', 'invoice'],
    ['一米七 一百四十斤 拿几号', 'size-fit'],
    ['盒子里的杯子全碎了', 'damaged'],
    ['谢谢你啊 没事了', 'thanks'],
  ])('reads a phrasing no cue spells out: %s → %s', (text, id) => {
    expect(best(text)).toBe(id);
  });

  it('gives probabilities that sum to 1, best first, and all `other` for an empty message', () => {
    const p = predict(model, '这个能便宜点不');
    expect(p.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 5);
    expect(p[0]!.p).toBeGreaterThanOrEqual(p[1]!.p);
    expect(predict(model, '[订单x]')[0]).toEqual({ id: 'other', p: 1 });
  });

  it('refuses an asset that is not a model or whose sizes do not match', () => {
    expect(() => decodeModel({ ...asset, format: 'x' } as unknown as ModelAsset)).toThrow(ModelAssetError);
    expect(() => decodeModel({ ...asset, bias: asset.bias.slice(1) })).toThrow(/sizes/);
    expect(() => decodeModel({ ...asset, classes: [...asset.classes.slice(1), 'nope'] } as unknown as ModelAsset)).toThrow(/unknown class/);
  });
});
