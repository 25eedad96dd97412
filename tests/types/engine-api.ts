// The engine's JS API as the page declares it (www/types/pkg/, which the type check of stage lint
// reads before any build) against what wasm-bindgen wrote from src/binding.rs (pkg/, pkg-validator/):
// every function the page may call is exported by the built glue, so a renamed or removed export
// fails here rather than in a browser.
import type * as Declared from '../../www/types/pkg/sme_export';
import type * as DeclaredValidator from '../../www/types/pkg-validator/sme_export';
import type * as Built from '../../pkg/sme_export';
import type * as BuiltValidator from '../../pkg-validator/sme_export';

type Functions<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: unknown };

export const widget: Functions<typeof Declared> = {} as Functions<typeof Built>;
export const validator: Functions<typeof DeclaredValidator> = {} as Functions<typeof BuiltValidator>;
