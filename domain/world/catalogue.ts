/** Looking up catalogue items and selecting them for offers. */
import type { ItemSelector, Organisation, Product } from '../scenario/organisation.js';
import { WorldError } from './errors.js';

/** The catalogue item with `code`, or a `WorldError('unknown-product')`. */
export function product(org: Pick<Organisation, 'catalogue'>, code: string): Product {
  const p = org.catalogue.find((c) => c.code === code.toUpperCase());
  if (!p) throw new WorldError('unknown-product', `no product ${code} in the catalogue`, { code });
  return p;
}

/** The catalogue item with `code`, or undefined. */
export function findProduct(org: Pick<Organisation, 'catalogue'>, code: string): Product | undefined {
  return org.catalogue.find((c) => c.code === code.toUpperCase());
}

/** True when a selector (codes and/or categories) takes in `p`. */
export function selects(sel: ItemSelector, p: Product): boolean {
  return (sel.codes?.includes(p.code) ?? false) || (sel.categories?.includes(p.category) ?? false);
}
