/**
 * Builds the matcher's compact trie from normalised keys without making a string per key: keys are
 * inserted unit by unit into a provisional trie whose edges live in one open-addressing hash table
 * (linear probing, each slot holding child, parent and unit together),
 * then laid out breadth-first with each node's children contiguous and sorted by code unit.
 * Duplicate keys meet at the same node, so no Map of strings and no sort of 100k+ strings is needed.
 */

/** The finished layout (see TermIndex). */
export interface TrieLayout {
  /** Children of the root by code unit (-1: no key starts with that unit). */
  rootChild: Int32Array;
  label: Uint16Array;
  firstChild: Int32Array;
  childCount: Int32Array;
  /** Key id ending at each node, or -1. */
  keyOf: Int32Array;
}

export class TrieBuilder {
  // provisional nodes, column-wise in typed arrays (grown by doubling); node 0 is the root
  private parent: Int32Array;
  private label: Uint16Array;
  private keyOfNode: Int32Array;
  private nodes = 1;
  private bits: number;
  private table: Int32Array;
  private rootTable = new Int32Array(0x10000).fill(-1);
  /** Length (in units) of each key, by key id. */
  readonly keyLength: number[] = [];

  /** `expectedNodes` sizes the edge table up front (it still grows when needed). */
  constructor(expectedNodes = 2048) {
    this.bits = Math.max(12, Math.min(26, Math.ceil(Math.log2(expectedNodes * 2))));
    this.table = new Int32Array(3 << this.bits).fill(-1);
    const cap = Math.max(1024, expectedNodes);
    this.parent = new Int32Array(cap);
    this.label = new Uint16Array(cap);
    this.keyOfNode = new Int32Array(cap);
    this.parent[0] = -1;
    this.keyOfNode[0] = -1;
  }

  private newNode(parent: number, unit: number): number {
    const id = this.nodes++;
    if (id === this.parent.length) {
      const grow = <T extends Int32Array | Uint16Array>(a: T, make: new (n: number) => T): T => {
        const b = new make(a.length * 2);
        b.set(a);
        return b;
      };
      this.parent = grow(this.parent, Int32Array);
      this.label = grow(this.label, Uint16Array);
      this.keyOfNode = grow(this.keyOfNode, Int32Array);
    }
    this.parent[id] = parent;
    this.label[id] = unit;
    this.keyOfNode[id] = -1;
    return id;
  }

  /** Insert units[from, to) and return its key id (the same id for a key inserted twice). */
  insert(units: Uint16Array, from: number, to: number): number {
    let node = 0;
    for (let q = from; q < to; q++) node = this.childOrAdd(node, units[q]!);
    let key = this.keyOfNode[node]!;
    if (key < 0) {
      key = this.keyLength.length;
      this.keyLength.push(to - from);
      this.keyOfNode[node] = key;
    }
    return key;
  }

  private slot(node: number, unit: number): number {
    const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 0x7f4a7c15, 0x85ebca6b);
    return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - this.bits);
  }

  private childOrAdd(node: number, unit: number): number {
    if (node === 0) {
      // the root's children: a direct table (every key passes here)
      let c = this.rootTable[unit]!;
      if (c < 0) c = this.rootTable[unit] = this.newNode(0, unit);
      return c;
    }
    const mask = (1 << this.bits) - 1;
    // slots are [child, parent, unit] side by side: one probe reads one cache line
    const table = this.table;
    let h = this.slot(node, unit);
    for (;;) {
      const c = table[3 * h]!;
      if (c < 0) break;
      if (table[3 * h + 1] === node && table[3 * h + 2] === unit) return c;
      h = (h + 1) & mask;
    }
    const id = this.newNode(node, unit);
    table[3 * h] = id;
    table[3 * h + 1] = node;
    table[3 * h + 2] = unit;
    if (id * 2 > mask) this.grow();
    return id;
  }

  private grow(): void {
    this.bits++;
    const mask = (1 << this.bits) - 1;
    const table = new Int32Array(3 << this.bits).fill(-1);
    for (let c = 1; c < this.nodes; c++) {
      const p = this.parent[c]!,
        u = this.label[c]!;
      if (p === 0) continue; // in rootTable
      let h = this.slot(p, u);
      while (table[3 * h]! >= 0) h = (h + 1) & mask;
      table[3 * h] = c;
      table[3 * h + 1] = p;
      table[3 * h + 2] = u;
    }
    this.table = table;
  }

  /** Lay the trie out breadth-first; the builder is spent afterwards. */
  layout(): TrieLayout {
    const n = this.nodes;
    const parent = this.parent,
      labels = this.label;
    // group children by parent (counting sort), then order each group by label
    const start = new Int32Array(n + 1);
    for (let c = 1; c < n; c++) start[parent[c]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const kids = new Int32Array(Math.max(0, n - 1));
    const fill = start.slice(0, n);
    for (let c = 1; c < n; c++) kids[fill[parent[c]!]!++] = c;
    for (let v = 0; v < n; v++) sortByLabel(kids, start[v]!, start[v + 1]!, labels);

    const out: TrieLayout = {
      rootChild: new Int32Array(0x10000).fill(-1),
      label: new Uint16Array(n),
      firstChild: new Int32Array(n),
      childCount: new Int32Array(n),
      keyOf: new Int32Array(n),
    };
    // breadth-first: a node's new id is its place in the queue, so its children get consecutive ids
    const queue = new Int32Array(n);
    let next = 1;
    for (let q = 0; q < next; q++) {
      const v = queue[q]!;
      out.keyOf[q] = this.keyOfNode[v]!;
      out.label[q] = labels[v]!;
      out.firstChild[q] = next;
      out.childCount[q] = start[v + 1]! - start[v]!;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        if (q === 0) out.rootChild[labels[kids[k]!]!] = next;
        queue[next++] = kids[k]!;
      }
    }
    this.parent = this.keyOfNode = this.table = this.rootTable = new Int32Array(0);
    this.label = new Uint16Array(0);
    return out;
  }
}

/** Sort kids[a, b) by their labels: insertion sort for the usual tiny groups, else a native sort. */
function sortByLabel(kids: Int32Array, a: number, b: number, labels: Uint16Array): void {
  if (b - a < 2) return;
  if (b - a <= 16) {
    for (let i = a + 1; i < b; i++) {
      const c = kids[i]!,
        l = labels[c]!;
      let j = i - 1;
      while (j >= a && labels[kids[j]!]! > l) {
        kids[j + 1] = kids[j]!;
        j--;
      }
      kids[j + 1] = c;
    }
    return;
  }
  // label * 2^32 + id is exact in a double and sorts by label first
  const tmp = new Float64Array(b - a);
  for (let i = a; i < b; i++) tmp[i - a] = labels[kids[i]!]! * 4294967296 + kids[i]!;
  tmp.sort();
  for (let i = a; i < b; i++) kids[i] = tmp[i - a]! % 4294967296;
}

/** A typed array that grows by doubling (for the build's columns). */
export class Grow<T extends Int32Array | Uint8Array> {
  a: T;
  constructor(private readonly make: new (n: number) => T) {
    this.a = new make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      const b = new this.make(Math.max(i + 1, this.a.length * 2));
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
}

/** Does units[from, from + length) equal other[0, length)? */
export function sameUnits(units: Uint16Array, from: number, other: Uint16Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (units[from + i] !== other[i]) return false;
  return true;
}
