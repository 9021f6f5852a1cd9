import PenvizCore

/// The globals a PyTorch file may name: the ones `torch.load(weights_only=True)`
/// allows for plain containers and dense tensors. A pickle that names any other
/// (`os.system`, `builtins.eval`, a model class) is refused before anything else
/// happens, since calling it is how a pickle runs code.
enum TorchGlobal: Equatable {
    /// `collections.OrderedDict`: a `state_dict`.
    case orderedDict
    /// `torch._utils._rebuild_tensor_v2` and `_rebuild_tensor`: a tensor from a storage.
    case rebuildTensor
    /// `torch._utils._rebuild_parameter` and `_rebuild_parameter_with_state`: an `nn.Parameter`.
    case rebuildParameter
    /// `torch.nn.parameter.Parameter` called on a tensor.
    case parameter
    /// `torch._tensor._rebuild_from_type_v2`: a tensor of a subclass, rebuilt as a tensor.
    case rebuildFromType
    /// `torch.Tensor`, the type `_rebuild_from_type_v2` names.
    case tensorType
    /// `torch.Size`: a shape, kept as a tuple.
    case size
    /// `_codecs.encode`: how protocol 2 pickles `bytes`.
    case encode
    /// A storage type such as `torch.FloatStorage`, naming the element type of a persistent storage.
    case storageType(DType)

    /// The global's name as the pickle spells it, for messages.
    var name: String {
        switch self {
        case .orderedDict: "collections.OrderedDict"
        case .rebuildTensor: "torch._utils._rebuild_tensor_v2"
        case .rebuildParameter: "torch._utils._rebuild_parameter"
        case .parameter: "torch.nn.parameter.Parameter"
        case .rebuildFromType: "torch._tensor._rebuild_from_type_v2"
        case .tensorType: "torch.Tensor"
        case .size: "torch.Size"
        case .encode: "_codecs.encode"
        case .storageType(let dtype): "torch.\(TorchGlobal.storageNames.first { $0.value == dtype }?.key ?? dtype.name)"
        }
    }

    /// The storage types of the element types penviz reads.
    static let storageNames: [String: DType] = [
        "FloatStorage": .float32, "DoubleStorage": .float64, "HalfStorage": .float16, "BFloat16Storage": .bfloat16,
        "LongStorage": .int64, "IntStorage": .int32, "ShortStorage": .int16, "CharStorage": .int8,
        "ByteStorage": .uint8, "BoolStorage": .bool,
    ]

    /// The global `module.name`, or nil when penviz does not allow it.
    init?(module: String, name: String) {
        switch (module, name) {
        case ("collections", "OrderedDict"): self = .orderedDict
        case ("torch._utils", "_rebuild_tensor_v2"), ("torch._utils", "_rebuild_tensor"): self = .rebuildTensor
        case ("torch._utils", "_rebuild_parameter"), ("torch._utils", "_rebuild_parameter_with_state"): self = .rebuildParameter
        case ("torch.nn.parameter", "Parameter"): self = .parameter
        case ("torch._tensor", "_rebuild_from_type_v2"): self = .rebuildFromType
        case ("torch", "Tensor"), ("torch._tensor", "Tensor"): self = .tensorType
        case ("torch", "Size"): self = .size
        case ("_codecs", "encode"): self = .encode
        case ("torch", let storage) where TorchGlobal.storageNames[storage] != nil:
            self = .storageType(TorchGlobal.storageNames[storage]!)
        default: return nil
        }
    }
}
