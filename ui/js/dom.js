// Builds DOM nodes from data. User data only ever becomes text nodes or attribute values, never
// markup: there is deliberately no innerHTML anywhere in the UI.

/**
 * el('td', {class: 'x', 'data-ags': '08111'}, 'Stuttgart')
 * Attributes starting with "on" followed by an uppercase letter are event listeners (onClick).
 * Children: strings/numbers become text nodes; null/undefined/false are skipped; arrays flatten.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on[A-Z]/.test(name) && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `node`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/**
 * Shows or hides `node`. KERN's button styles set `display` and so override the `hidden`
 * attribute; the `is-hidden` class (display: none !important in app.css) always wins, and
 * `hidden` stays for the accessibility tree.
 */
export function setHidden(node, hidden) {
  node.classList.toggle('is-hidden', hidden);
  node.hidden = hidden;
}
