/* global window, HTMLInputElement, HTMLTextAreaElement */
// Controlled inputs, the way React's value tracker makes them: the field gets its own `value`
// property that remembers the last value written through it (by the page's script or anyone
// else), and an `input`/`change` event that finds the field still holding that remembered value
// is no change and is ignored. So `el.value = x`, with or without events, never reaches the page's
// model, while real typing, or the native HTMLInputElement/HTMLTextAreaElement.prototype setter
// followed by `input`/`change`, does. Served by every simulator and loaded before the page's own
// script, which calls:
//   ControlledInput.control(field, onChange)  track writes; onChange(value) for each real change
//   ControlledInput.read(field)               the value the field really holds (native getter)
//   ControlledInput.write(field, value)       the native setter: no tracking, no events
//   ControlledInput.tracked(field)            the value last written through the field's property
(() => {
  'use strict';
  const NATIVE = {
    INPUT: Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value'),
    TEXTAREA: Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value'),
  };
  /** field → the value last written through its own `value` property */
  const trackedValues = new WeakMap();

  const native = (field) => NATIVE[field.tagName];
  const read = (field) => native(field).get.call(field);
  const write = (field, value) => native(field).set.call(field, value);

  function control(field, onChange) {
    trackedValues.set(field, read(field));
    Object.defineProperty(field, 'value', {
      configurable: true,
      enumerable: true,
      get() {
        return read(this);
      },
      set(value) {
        trackedValues.set(this, String(value));
        write(this, value);
      },
    });
    const take = () => {
      const current = read(field);
      if (current === trackedValues.get(field)) return;
      trackedValues.set(field, current);
      onChange(current);
    };
    field.addEventListener('input', take);
    field.addEventListener('change', take);
    return field;
  }

  window.ControlledInput = Object.freeze({
    control,
    read,
    write,
    tracked: (field) => trackedValues.get(field),
  });
})();
