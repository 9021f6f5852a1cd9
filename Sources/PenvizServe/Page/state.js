// The page's one shared, mutable state: the session, the class names, the triplet,
// the loaded panels, the pending request, the pin and the hovered point. Every module
// that reads or changes them imports this object; nothing else is shared.

export const state = {
  session: null,
  names: [],
  lower: [],            // lower-cased names, for matching
  byName: new Map(),    // lower-cased name -> [ids]
  boxes: [],            // three ClassBox
  triplet: null,        // the committed ids [a, b, c] (may repeat: then nothing loads)
  data: null,           // the loaded panels: {ids, names, panels: [...]}
  loadedKey: '',        // "a,b,c" of state.data
  pendingKey: '',       // "a,b,c" being fetched
  axes: 'independent',
  pinned: null,         // {split, example}
  hover: null,          // {panel, index}
  controller: null,     // AbortController of the pending panels request
  sequence: 0,
  calibrationLoaded: false,
  dpr: window.devicePixelRatio || 1,
};
