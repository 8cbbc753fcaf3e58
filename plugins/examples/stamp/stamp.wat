;; "stamp": MockDeck's example plugin (docs/plugins.md). It adds a header to every response
;; it runs on and, when the request asked for it with "x-stamp-status: 418" anywhere in its
;; headers, answers 418 instead: enough to show both halves of the ABI — reading the input and
;; returning what to change.
;;
;; ABI: exports memory (with a maximum), alloc(len) -> ptr, handle(ptr, len) -> (outPtr << 32 | outLen).
;; Build: npm run build:plugins (wabt's wat2wasm, from npm) -> plugins/examples/stamp/stamp.wasm
(module
  (memory (export "memory") 1 32)
  ;; Output templates and the needle searched for in the input.
  (data (i32.const 0) "{\22headers\22:{\22x-stamped-by\22:\22mockdeck-plugin-stamp\22}}")
  (data (i32.const 128) "{\22status\22:418,\22headers\22:{\22x-stamped-by\22:\22mockdeck-plugin-stamp\22},\22body\22:\22I'm a teapot\22}")
  (data (i32.const 256) "\22x-stamp-status\22:\22418\22")
  (global $heap (mut i32) (i32.const 1024))

  ;; Bump allocator: each call runs on a fresh instance, so nothing is ever freed.
  (func (export "alloc") (param $len i32) (result i32)
    (local $ptr i32) (local $end i32) (local $pages i32)
    (local.set $ptr (global.get $heap))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (local.set $pages (i32.sub
      (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16))
      (memory.size)))
    (if (i32.gt_s (local.get $pages) (i32.const 0))
      (then (if (i32.eq (memory.grow (local.get $pages)) (i32.const -1)) (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $ptr))

  ;; Does the input at [ptr, ptr+len) contain the 22-byte needle at 256?
  (func $contains (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $j i32) (local $last i32)
    (local.set $last (i32.sub (i32.add (local.get $ptr) (local.get $len)) (i32.const 22)))
    (local.set $i (local.get $ptr))
    (block $done
      (loop $scan
        (br_if $done (i32.gt_s (local.get $i) (local.get $last)))
        (local.set $j (i32.const 0))
        (block $miss
          (loop $cmp
            (br_if $miss (i32.ne
              (i32.load8_u (i32.add (local.get $i) (local.get $j)))
              (i32.load8_u (i32.add (i32.const 256) (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (if (i32.eq (local.get $j) (i32.const 22)) (then (return (i32.const 1))))
            (br $cmp)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (i32.const 0))

  (func (export "handle") (param $ptr i32) (param $len i32) (result i64)
    (if (result i64) (call $contains (local.get $ptr) (local.get $len))
      ;; (128 << 32) | length of the teapot answer
      (then (i64.or (i64.shl (i64.const 128) (i64.const 32)) (i64.const 87)))
      ;; (0 << 32) | length of the header-only answer
      (else (i64.const 52))))
)
