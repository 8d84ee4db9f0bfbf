import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cold-start floor (benchmark only, not part of the package): the JVM and the runtime client with a handler that
 * answers at once. What any Java function pays before its own code.
 */
public class RuntimeFloor implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    in.readAllBytes();
    out.write("{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8));
  }
}
