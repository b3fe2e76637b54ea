// Render the math that pymdownx.arithmatex (generic mode) leaves in .arithmatex elements,
// with the KaTeX copy served from this site. Material's instant navigation swaps pages
// without reloading, so render on every page change.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    // Never inside code: what a reader sees and copies stays the source. These are KaTeX's own
    // defaults, listed so that they stay; the class is the notebook views' hidden copy text
    // (scripts/snippet_engine/site/notebook_views.py, keep_copy_text), skipped whatever element holds it.
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
    ignoredClasses: ["clipboard-copy-txt"],
    throwOnError: false,
  });
});
