'use strict';
// Ownership of C objects: the base class of every wrapper that owns a handle.
//
// A wrapper frees its handle exactly once: through free() (or `using` /
// Symbol.dispose), or, as a safety net, through a FinalizationRegistry when
// the wrapper is garbage-collected without having been freed. After free()
// every use throws instead of touching freed memory. Wrappers of objects
// borrowed from a parent keep a reference to the parent.

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
    registryFor(freeFn).register(this, ptr, this);
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

  /** Free the C object now. Freeing twice does nothing. */
  free() {
    const ptr = this._ptr;
    if (ptr === null) return;
    this._ptr = null;
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
