'use strict';
// Ownership of C objects: the base class of every wrapper that owns a handle.
//
// A wrapper frees its handle exactly once: through free() (or `using` /
// Symbol.dispose), or, as a safety net, through a FinalizationRegistry when
// the wrapper is garbage-collected without having been freed. After free()
// every use throws instead of touching freed memory.
//
// Some C objects borrow others (a roster borrows its school types). The
// borrower pins its lenders (_pin): it keeps them alive, and freeing a lender
// first frees every borrower still alive, so C never sees a freed lender.

const registries = new Map();

function registryFor(freeFn) {
  let r = registries.get(freeFn);
  if (!r) {
    r = new FinalizationRegistry((ptr) => freeFn(ptr));
    registries.set(freeFn, r);
  }
  return r;
}

class Handle {
  /** @param ptr the C handle; @param freeFn the C function that frees it */
  constructor(ptr, freeFn, kind) {
    if (ptr === null || ptr === undefined) throw new Error(`triad: NULL ${kind} handle`);
    this._ptr = ptr;
    this._freeFn = freeFn;
    this._kind = kind;
    this._lenders = [];
    this._borrowers = null;
    this._selfRef = null;
    registryFor(freeFn).register(this, ptr, this);
  }

  /** Record that this object borrows `lenders` (null entries are skipped). */
  _pin(...lenders) {
    this._lenders = lenders.filter((l) => l !== null && l !== undefined);
    for (const lender of this._lenders) {
      lender._h; // eslint-disable-line no-unused-expressions -- refuse freed lenders
      if (!lender._borrowers) {
        lender._borrowers = new Set();
        lender._pruneAt = 64;
      }
      lender._borrowers.add(this._selfRef || (this._selfRef = new WeakRef(this)));
      // Borrowers collected without free() leave dead references: prune
      // them whenever the set has doubled, so it stays proportional to the
      // live borrowers.
      if (lender._borrowers.size >= lender._pruneAt) {
        for (const ref of lender._borrowers) if (!ref.deref()) lender._borrowers.delete(ref);
        lender._pruneAt = Math.max(64, 2 * lender._borrowers.size);
      }
    }
  }

  /** The C handle; throws once freed. */
  get _h() {
    if (this._ptr === null) throw new Error(`triad: this ${this._kind} was freed`);
    return this._ptr;
  }

  /** Whether free() has released the handle. */
  get freed() {
    return this._ptr === null;
  }

  /** Free the C object now, after freeing anything that borrows it.
   * Freeing twice does nothing. */
  free() {
    const ptr = this._ptr;
    if (ptr === null) return;
    if (this._borrowers) {
      for (const ref of this._borrowers) {
        const b = ref.deref();
        if (b) b.free();
      }
      this._borrowers = null;
    }
    this._ptr = null;
    for (const lender of this._lenders) {
      if (lender._borrowers) lender._borrowers.delete(this._selfRef);
    }
    this._lenders = [];
    registryFor(this._freeFn).unregister(this);
    this._freeFn(ptr);
  }

  /** Give up ownership (the C side took the object over). */
  _detach() {
    const ptr = this._h;
    this._ptr = null;
    registryFor(this._freeFn).unregister(this);
    return ptr;
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Handle.prototype[Symbol.dispose] = function dispose() { this.free(); };
}

module.exports = { Handle };
