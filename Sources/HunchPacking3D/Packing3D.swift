/// Three-dimensional placement (container loading): boxes into a container, orthogonally.
public enum Packing3D {}
