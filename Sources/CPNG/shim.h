#include <png.h>

/// An upper bound on the PNG bytes libpng's simplified writer produces for
/// `image` (the macro PNG_IMAGE_PNG_SIZE_MAX, which Swift cannot import).
static inline png_alloc_size_t penviz_png_size_max(png_image image) {
    return PNG_IMAGE_PNG_SIZE_MAX(image);
}
